package lexguard.lib.verdict

of(id, status) := {"resource": id, "status": status, "message": "demo", "property": ""}
