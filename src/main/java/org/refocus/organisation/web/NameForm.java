package org.refocus.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An organisation or site: a name (and for organisations an optional code such as an ODS code). */
record NameForm(
        @NotBlank(message = "{structure.name.required}") @Size(max = 150, message = "{field.tooLong}") String name,
        @Size(max = 20, message = "{field.tooLong}") String code,
        @NotNull(message = "{form.version.missing}") Integer version) {
}
