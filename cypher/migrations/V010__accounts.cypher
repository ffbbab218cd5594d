// V010 — people, API tokens, the audit trail and the first versioned writes by people (issue 13).
// Numbered 010 so that migrations added in parallel (V005…V009) keep their numbers; applied in order like every file.
CREATE CONSTRAINT user_username IF NOT EXISTS FOR (n:User) REQUIRE n.username IS UNIQUE;
CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.hash IS UNIQUE;
CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (n:AuditEvent) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_event_at IF NOT EXISTS FOR (n:AuditEvent) ON (n.at);
CREATE INDEX audit_event_actor IF NOT EXISTS FOR (n:AuditEvent) ON (n.actor);
CREATE INDEX audit_event_kind IF NOT EXISTS FOR (n:AuditEvent) ON (n.kind);
CREATE CONSTRAINT task_plan_id IF NOT EXISTS FOR (n:TaskPlan) REQUIRE n.id IS UNIQUE;
CREATE INDEX task_plan_task_year IF NOT EXISTS FOR (n:TaskPlan) ON (n.task, n.year);
CREATE CONSTRAINT key_enterprise_list_id IF NOT EXISTS FOR (n:KeyEnterpriseList) REQUIRE n.id IS UNIQUE;
CREATE INDEX key_enterprise_list_chain IF NOT EXISTS FOR (n:KeyEnterpriseList) ON (n.chain);
