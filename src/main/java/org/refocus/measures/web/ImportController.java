package org.refocus.measures.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.internal.InstrumentLibrary;
import org.refocus.measures.internal.ResponseImports;
import jakarta.servlet.http.HttpServletResponse;
import org.refocus.shared.CsvCells;
import org.refocus.shared.Option;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing completed responses from CSV: the form, then a page that shows the background job's
 * progress. Without JavaScript the page refreshes itself every few seconds while the job runs (a
 * {@code <meta http-equiv="refresh">} inside {@code <noscript>}); with JavaScript, htmx polls the
 * progress fragment instead. Then the result, with the row-by-row error report.
 */
@Controller
class ImportController {

    static final String FORM_VIEW = "measures/import-new";
    static final String JOB_VIEW = "measures/import-job";
    static final int REFRESH_SECONDS = 2;

    private final ResponseImports imports;
    private final InstrumentLibrary library;
    private final MeasureTexts texts;

    ImportController(ResponseImports imports, InstrumentLibrary library, MeasureTexts texts) {
        this.imports = imports;
        this.library = library;
        this.texts = texts;
    }

    @GetMapping("/measures/imports/new")
    String form(Model model) {
        return formPage(model, List.of(), null, true);
    }

    @PostMapping("/measures/imports")
    String submit(@RequestParam(required = false) String instrument,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean allOrNothing, Model model) throws IOException {
        List<String> problems = new ArrayList<>();
        if (instrument == null || library.catalogue().find(instrument).isEmpty()) {
            problems.add("instrument");
        }
        if (file == null || file.isEmpty()) {
            problems.add("file");
        }
        if (!problems.isEmpty()) {
            // A file chosen but empty is told apart from none chosen.
            boolean chosenButEmpty = file != null && file.getOriginalFilename() != null
                    && !file.getOriginalFilename().isBlank();
            model.addAttribute("fileMessage", chosenButEmpty ? "measures.import.file.empty"
                    : "measures.import.file.required");
            return formPage(model, problems, instrument, allOrNothing);
        }
        Path temporary = Files.createTempFile("refocus-import-", ".csv");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
        }
        long jobId = imports.submit(temporary, file.getOriginalFilename(), instrument, allOrNothing);
        return "redirect:/measures/imports/" + jobId;
    }

    @GetMapping("/measures/imports/{id}")
    String job(@PathVariable long id, Model model) {
        ResponseImports.JobView job = imports.job(id);
        model.addAttribute("job", job);
        model.addAttribute("errors", job.running() ? List.of() : imports.errors(id));
        model.addAttribute("autoRefreshSeconds", job.running() && !job.stalled() ? REFRESH_SECONDS : null);
        model.addAttribute("withdrawnAt", job.withdrawnAt() == null ? null : MeasureTexts.dayTime(job.withdrawnAt()));
        model.addAttribute("whilePausedRows", whilePausedRows(job));
        return JOB_VIEW;
    }

    /** The listed row numbers of responses completed while paused, and how many more there are. */
    private String whilePausedRows(ResponseImports.JobView job) {
        String listed = job.rowsWhilePausedListed().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", "));
        int more = job.rowsWhilePaused() - job.rowsWhilePausedListed().size();
        return more > 0 ? texts.text("measures.import.whilePaused.more", listed, more) : listed;
    }

    /**
     * The row-by-row problems as a CSV file, to put the rows right in a spreadsheet. Only for the person
     * who started the import (anyone else: not found).
     */
    @GetMapping("/measures/imports/{id}/problems.csv")
    void problems(@PathVariable long id, HttpServletResponse response) throws IOException {
        imports.job(id);
        List<ResponseImports.RowError> errors = imports.errors(id);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-problems.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write("row,column,problem\r\n");
        for (ResponseImports.RowError e : errors) {
            out.write(e.rowNumber() + "," + CsvCells.of(e.field()) + "," + CsvCells.of(e.message()) + "\r\n");
        }
        out.flush();
    }

    /** The progress fragment that htmx swaps in; once the job ends, the whole page is reloaded to show the result. */
    @GetMapping("/measures/imports/{id}/progress")
    String progress(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model, jakarta.servlet.http.HttpServletResponse response) {
        ResponseImports.JobView job = imports.job(id);
        if (!job.running() && htmx != null) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("job", job);
        return JOB_VIEW + " :: progress";
    }

    private String formPage(Model model, List<String> problems, String instrument, boolean allOrNothing) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", texts.text("measures.import.instrument.choose")));
        library.current().forEach(d -> options.add(new Option(d.code(), d.shortName() + " – " + d.title())));
        model.addAttribute("instrumentOptions", options);
        model.addAttribute("problems", problems);
        model.addAttribute("instrument", instrument);
        model.addAttribute("allOrNothing", allOrNothing);
        model.addAttribute("recentJobs", imports.recentJobs());
        model.addAttribute("example", example(library.catalogue().find(instrument == null ? "qpr-15" : instrument)
                .orElse(library.catalogue().get("qpr-15"))));
        return FORM_VIEW;
    }

    private static String example(InstrumentDefinition d) {
        StringBuilder header = new StringBuilder("person_id,date_of_birth,completed_on");
        StringBuilder row = new StringBuilder("123,1980-07-14,2025-03-31");
        d.items().forEach(i -> {
            header.append(',').append(i.key());
            row.append(',').append(i.responseSet().minimum());
        });
        return header + "\n" + row;
    }
}
