import type { Model, ResourceCollection } from '../../../model/model';
import type { TemplateResource } from '../template-resource';

/**
 * Reads one CloudFormation resource type into the model. `create` adapters add resources; `attach`
 * adapters (bucket policies, IAM policies) run after every resource exists and add to them. A type may
 * have one adapter of each phase (an `AWS::IAM::ManagedPolicy` is a resource and attaches to principals).
 */
export interface TemplateAdapter {
  /** The CloudFormation types this adapter reads, e.g. `AWS::S3::Bucket`. */
  types: readonly string[];
  phase: 'create' | 'attach';
  apply(resource: TemplateResource, model: Model, lookup: TemplateLookup): void;
}

/** Finds the model resources a template value points at. */
export interface TemplateLookup {
  /** The model id of the resource a value (a token, or a physical name) refers to, if it is in the template. */
  resolveReference(value: string, collection: ResourceCollection): string | undefined;
  /**
   * Makes `reference` name the model resource `id` as well, for a reference no field of the resource
   * shows (e.g. `Ref` of an `AWS::KMS::Alias` names the key it points to).
   */
  registerReference(reference: string, collection: ResourceCollection, id: string): void;
  /** Records something the template does that lexguard could not follow, with where it is. */
  report(message: string, resource: TemplateResource, propertyPath?: string): void;
}
