/** A CloudFormation template as parsed, intrinsics still in their long JSON form. */
export interface TemplateBody {
  AWSTemplateFormatVersion?: unknown;
  Description?: unknown;
  Parameters?: Record<string, TemplateParameter>;
  Mappings?: Record<string, unknown>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, TemplateResource>;
  Outputs?: Record<string, unknown>;
}

export interface TemplateParameter {
  Type?: unknown;
  Default?: unknown;
  AllowedValues?: unknown;
  NoEcho?: unknown;
}

export interface TemplateResource {
  Type?: unknown;
  Properties?: unknown;
  Metadata?: unknown;
  Condition?: unknown;
  DependsOn?: unknown;
  DeletionPolicy?: unknown;
}
