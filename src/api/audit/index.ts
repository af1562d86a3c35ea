// The audit domain as the composition sees it: its entities (it has no handlers of its own).
import { AuditEvent } from './audit.model.ts';

export const auditEntities = [AuditEvent];
