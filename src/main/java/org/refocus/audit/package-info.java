/**
 * The audit trail: who did what to which record, when (UTC) and from where. Every read of a person's
 * record and every change to personal or structural data is written here in the caller's transaction;
 * denied accesses are written in their own transaction so that they survive the caller's rollback.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.refocus.audit;
