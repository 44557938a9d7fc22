package org.refocus.recovery.web;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.refocus.recovery.RecoveryPlan;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The recovery plan as a PDF the person can keep: the {@code recovery/plan-pdf} template (well-formed
 * XHTML with its own print styles) rendered by openhtmltopdf. Fonts are DejaVu Sans from the classpath,
 * and every external resource is refused, so rendering never touches the network. The PDF is tagged
 * (PDF/UA) for screen readers.
 */
@Component
class PlanPdf {

    static final String TEMPLATE = "recovery/plan-pdf";

    static {
        // openhtmltopdf logs every render at INFO (no personal data, but noise); keep its warnings only.
        for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
            com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
        }
    }

    private static final String FONT_FAMILY = "DejaVu Sans";

    private final ITemplateEngine templates;

    PlanPdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(RecoveryPlan plan) {
        Context context = new Context(Locale.UK);
        context.setVariable("plan", plan);
        context.setVariable("today", java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")));
        String xhtml = templates.process(TEMPLATE, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // A tagged PDF (PDF/UA) so that screen readers can read the person's copy too.
            builder.usePdfUaAccessibility(true);
            builder.useExternalResourceAccessControl((uri, type) -> false,
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl((uri, type) -> false,
                    ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, "classpath:/recovery/");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static java.io.InputStream font(String name) {
        try {
            return new ClassPathResource("recovery/fonts/" + name).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
