/**
 * Clearly fictional demo data for a first start, and a deterministic generator of realistic volume for
 * benchmarks. For speed it writes rows with SQL and COPY: the schema owned by the other modules'
 * migrations is its contract, and every bulk creation is recorded in the audit trail.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "identity", "people"})
package org.refocus.demo;
