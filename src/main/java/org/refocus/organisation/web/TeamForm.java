package org.refocus.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record TeamForm(
        @NotNull(message = "{team.site.required}") Long siteId,
        @NotBlank(message = "{structure.name.required}") @Size(max = 150, message = "{field.tooLong}") String name,
        @Size(max = 1000, message = "{field.tooLong}") String description,
        Boolean active,
        @NotNull(message = "{form.version.missing}") Integer version) {
}
