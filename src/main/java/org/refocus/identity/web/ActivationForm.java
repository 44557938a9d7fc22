package org.refocus.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record ActivationForm(
        @NotBlank(message = "{activation.password.required}") @Size(min = 12, max = 128, message = "{password.tooShort}") String password,
        @NotBlank(message = "{activation.confirm.required}") String confirmPassword) {
}
