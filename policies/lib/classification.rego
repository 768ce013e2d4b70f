# METADATA
# title: Data classification
# description: |
#   A data store's classification is the value of the tag the configuration names
#   (input.config.classification_tag). Controls for sensitive data (Object Lock, backups, data events)
#   apply to stores classified sensitive, and also to stores whose classification is missing or not
#   one the configuration allows: an unlabelled store is held to the stricter controls, not excused.
package lexguard.lib.classification

# of is the store's classification, or "" when it carries none. The caller checks first that the
# store's tags are known.
of(store) := object.get(store.tags.value, input.config.classification_tag, "")

# sensitive holds unless the store is classified with an allowed classification that is not sensitive.
sensitive(store) if not relaxed(store)

relaxed(store) if {
	value := of(store)
	value in input.config.allowed_classifications
	not value in input.config.sensitive_classifications
}
