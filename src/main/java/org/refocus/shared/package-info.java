/**
 * The few types every module needs: the authenticated actor, paging, and the "not found" and
 * "changed by someone else" outcomes. Kept deliberately tiny.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.refocus.shared;
