package org.refocus.measures;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refocus.measures.internal.ResponseImports;
import org.refocus.testing.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

/** CSV import of completed responses: scored exactly, errors reported per row, nothing stored on error. */
@SpringBootTest
@AutoConfigureMockMvc
@WithUserDetails("coordinator")
class ResponseImportTest extends DatabaseTest {

    private static final String HEADER = "person_id,date_of_birth,completed_on," + IntStream.rangeClosed(1, 15)
            .mapToObj(i -> String.format("qpr_%02d", i)).collect(Collectors.joining(","));

    @Autowired
    ResponseImports imports;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    org.refocus.measures.internal.ResponseCorrections corrections;

    @TempDir
    Path directory;

    MeasuresFixtures fixtures;
    long riverside;
    long hillview;

    @BeforeEach
    void look() {
        fixtures = new MeasuresFixtures(jdbc);
        riverside = fixtures.personInTeam("Riverside");
        hillview = fixtures.personInTeam("Hillview");
    }

    @Test
    void importsEveryRowScoredExactlyAndTraceableToTheJobAndVersion() throws IOException {
        long before = count();
        ResponseImports.JobView job = imports.importNow(csv(HEADER,
                row(riverside, "2025-01-15", "3"), row(riverside, "2025-04-15", "4"),
                row(riverside, "2025-02-01", "1").replaceFirst(",1$", ",")), "paper.csv", "qpr-15", true);

        assertThat(job.status()).isEqualTo("SUCCEEDED");
        assertThat(job.rowsRead()).isEqualTo(3);
        assertThat(job.rowsImported()).isEqualTo(3);
        assertThat(count()).isEqualTo(before + 3);
        List<String> stored = jdbc.sql("""
                select r.mode || ' ' || r.status || ' ' || v.code || ' v' || v.version || ' ' || coalesce(r.score_values[1]::text, r.score_absences[1])
                       || ' ' || r.complete || ' ' || (r.entered_by = ?) || ' ' || (r.completed_at::date)
                from measure_response r join instrument_version v on v.id = r.instrument_version_id
                where r.import_job_id = ? order by r.completed_at""")
                .params(fixtures.account("coordinator"), job.id()).query(String.class).list();
        assertThat(stored).containsExactly(
                "IMPORTED COMPLETED qpr-15 v1 45 true true 2025-01-15",
                "IMPORTED COMPLETED qpr-15 v1 ITEMS_MISSING false true 2025-02-01",
                "IMPORTED COMPLETED qpr-15 v1 60 true true 2025-04-15");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'CREATED' and record_type = 'measure_response' "
                + "and record_id = ?").param("import:" + job.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void reportsEveryProblemRowByRowAndStoresNothing() throws IOException {
        long before = count();
        ResponseImports.JobView job = imports.importNow(csv(HEADER,
                row(riverside, "2023-01-15", "3"),
                row(riverside, "2025-01-16", "3").replaceFirst(",3,3,", ",3,7,"),
                row(hillview, "2025-01-17", "2"),
                row(987654321L, "2025-01-18", "2"),
                row(riverside, "15/01/2025", "2"),
                row(riverside, "2999-01-01", "2"),
                row(riverside, "2025-01-20", "x"),
                riverside + "," + dob(riverside) + ",2025-01-21,1,2",
                row(riverside, "2025-01-22", "1")), "bad.csv", "qpr-15", true);

        assertThat(job.status()).isEqualTo("FAILED");
        assertThat(job.rowsRead()).isEqualTo(9);
        assertThat(job.rowsWithErrors()).isEqualTo(7);
        assertThat(job.rowsImported()).isZero();
        assertThat(count()).isEqualTo(before);
        List<ResponseImports.RowError> errors = imports.errors(job.id());
        assertThat(errors).extracting(ResponseImports.RowError::rowNumber).contains(3, 4, 5, 6, 7, 8, 9)
                .doesNotContain(2, 10);
        assertThat(errors).filteredOn(e -> e.rowNumber() == 3).extracting(ResponseImports.RowError::message)
                .containsExactly("qpr_02: 7 is not one of its response codes (0, 1, 2, 3, 4).");
        // Another team's person and an unknown id read exactly the same.
        assertThat(errors).filteredOn(e -> e.rowNumber() == 4 || e.rowNumber() == 5)
                .extracting(ResponseImports.RowError::message).containsOnly(
                        "No one with this person_id is on the caseloads of your teams.");
        // A UK spreadsheet's date is not guessed at (day and month could be read the wrong way round), but the
        // report says how to save it; it said only "must be yyyy-mm-dd".
        assertThat(errors).filteredOn(e -> e.rowNumber() == 6).extracting(ResponseImports.RowError::field,
                        ResponseImports.RowError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("completed_on", "completed_on is written with "
                        + "slashes or dots (15/01/2025). Write it as yyyy-mm-dd, for example 2025-03-31, so that no day "
                        + "and month can be read the wrong way round. In a spreadsheet, format the column as yyyy-mm-dd "
                        + "before saving the file as CSV."));
        assertThat(errors).filteredOn(e -> e.rowNumber() == 7).extracting(ResponseImports.RowError::message)
                .containsExactly("completed_on is in the future.");
        assertThat(errors).filteredOn(e -> e.rowNumber() == 8).hasSize(15);
        assertThat(errors).filteredOn(e -> e.rowNumber() == 9).extracting(ResponseImports.RowError::message)
                .containsExactly("This row has 5 values; the header has 18.");
    }

    @Test
    void withAllOrNothingOffTheGoodRowsAreStoredAndTheOthersListed() throws IOException {
        long before = count();
        ResponseImports.JobView job = imports.importNow(csv(HEADER,
                row(riverside, "2023-02-15", "3"), row(hillview, "2025-01-17", "2"), row(riverside, "2023-03-15", "2")),
                "mixed.csv", "qpr-15", false);
        assertThat(job.status()).isEqualTo("SUCCEEDED");
        assertThat(job.rowsImported()).isEqualTo(2);
        assertThat(job.rowsWithErrors()).isEqualTo(1);
        assertThat(count()).isEqualTo(before + 2);
        assertThat(imports.errors(job.id())).extracting(ResponseImports.RowError::rowNumber).containsExactly(3);
    }

    @Test
    void aHeaderThatDoesNotFitTheInstrumentFailsBeforeAnyRow() throws IOException {
        ResponseImports.JobView job = imports.importNow(csv(HEADER.replace(",qpr_15", ",qpr_16"),
                row(riverside, "2025-01-15", "3")), "header.csv", "qpr-15", true);
        assertThat(job.status()).isEqualTo("FAILED");
        assertThat(job.failure()).contains("header row does not fit qpr-15 v1");
        assertThat(imports.errors(job.id())).singleElement().satisfies(e -> {
            assertThat(e.rowNumber()).isEqualTo(1);
            assertThat(e.message()).contains("qpr_15").contains("'qpr_16' is not an item");
        });
    }

    @Test
    void aFileSeparatedBySemicolonsOrTabsSaysHowToSaveItWithCommas() throws IOException {
        for (String separator : List.of(";", "\t")) {
            ResponseImports.JobView job = imports.importNow(csv(HEADER.replace(",", separator),
                    row(riverside, "2023-10-15", "3").replace(",", separator)), "semicolons.csv", "qpr-15", true);
            assertThat(job.status()).isEqualTo("FAILED");
            assertThat(imports.errors(job.id())).singleElement().satisfies(e -> assertThat(e.message()).isEqualTo(
                    "The columns are separated by " + (separator.equals(";") ? "semicolons" : "tabs") + ", not commas. "
                            + "In your spreadsheet, save the file as \"CSV UTF-8 (comma delimited)\" and import that."));
        }
    }

    @Test
    void aFileOfAnotherQuestionnaireSaysWhichToChoose() throws IOException {
        String qpr22 = "person_id,date_of_birth,completed_on," + IntStream.rangeClosed(1, 22)
                .mapToObj(i -> String.format("qpr_%02d", i)).collect(Collectors.joining(","));
        ResponseImports.JobView job = imports.importNow(csv(qpr22, riverside + "," + dob(riverside) + ",2023-09-15"
                + ",1".repeat(22)), "qpr22.csv", "qpr-15", true);
        assertThat(job.status()).isEqualTo("FAILED");
        assertThat(imports.errors(job.id())).singleElement().satisfies(e -> assertThat(e.message())
                .startsWith("These are the columns of QPR-22 (qpr-22). If the file holds QPR-22 responses, import it "
                        + "again choosing QPR-22 as the questionnaire.")
                .contains("'qpr_16' is not an item"));
    }

    @Test
    void peopleCanBeNamedByNhsNumberAndQuotedCellsAreRead() throws IOException {
        String nhs = jdbc.sql("select nhs_number from person where id = ?").param(riverside).query(String.class).single();
        String spaced = nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
        String line = "\"" + spaced + "\",\"" + dob(riverside) + "\",\"2025-05-05\"" + ",\"2\"".repeat(15);
        ResponseImports.JobView job = imports.importNow(csv(HEADER.replace("person_id", "nhs_number"), line),
                "nhs.csv", "qpr-15", true);
        assertThat(job.status()).isEqualTo("SUCCEEDED");
        assertThat(jdbc.sql("select person_id from measure_response where import_job_id = ?").param(job.id())
                .query(Long.class).single()).isEqualTo(riverside);
    }

    @Test
    void aValueWithAControlCharacterIsARowProblemAndTheGoodRowsStoredAreReportedAsStored() throws IOException {
        // A NUL byte (a binary or UTF-16 file, or a broken export) inside a cell was echoed into the row report;
        // PostgreSQL refuses NUL in text, so the report failed after the good rows were committed and the job
        // then said "Nothing was stored" while a response was stored, with no way to withdraw it.
        long before = count();
        ResponseImports.JobView job = imports.importNow(csv(HEADER, row(riverside, "2023-05-15", "3"),
                row(riverside, "2023-05-16", "2").replaceFirst(",2$", ",2\0x")), "nul.csv", "qpr-15", false);
        assertThat(job.status()).isEqualTo("SUCCEEDED");
        assertThat(job.rowsImported()).isEqualTo(1);
        assertThat(count()).isEqualTo(before + 1);
        assertThat(imports.errors(job.id())).singleElement().satisfies(e -> {
            assertThat(e.rowNumber()).isEqualTo(3);
            assertThat(e.message()).isEqualTo("qpr_15: '2?x' is not a whole number.");
        });
    }

    @Test
    void aFileThatIsNotUtf8CsvTextIsRefusedWithWhatToDo() throws IOException {
        Path file = Files.createTempFile(directory, "import", ".csv");
        Files.writeString(file, HEADER + "\r\n" + row(riverside, "2023-06-15", "3") + "\r\n",
                java.nio.charset.StandardCharsets.UTF_16LE);
        long before = count();
        ResponseImports.JobView job = imports.importNow(file, "unicode.txt", "qpr-15", true);
        assertThat(job.status()).isEqualTo("FAILED");
        assertThat(count()).isEqualTo(before);
        assertThat(job.failure()).isEqualTo("The file is not CSV text saved as UTF-8. In your spreadsheet, save it as "
                + "\"CSV UTF-8 (comma delimited)\" and import that file. Nothing was stored.");
    }

    @Test
    void rowsOfOnlyCommasAndUnnamedEmptyColumnsAsSpreadsheetsSaveThemAreIgnored() throws IOException {
        // Spreadsheets save cleared rows as ",,,," and formatted empty columns as trailing commas; both
        // refused the whole file ("Column '' appears twice", "No one with this person_id…").
        long before = count();
        ResponseImports.JobView job = imports.importNow(csv(HEADER + ",,",
                row(riverside, "2023-07-15", "3") + ",,", row(riverside, "2023-07-16", "2"),
                ",".repeat(19), ",".repeat(17), ""), "excel.csv", "qpr-15", true);
        assertThat(job.status()).isEqualTo("SUCCEEDED");
        assertThat(job.rowsRead()).isEqualTo(2);
        assertThat(job.rowsImported()).isEqualTo(2);
        assertThat(count()).isEqualTo(before + 2);
    }

    @Test
    void blankLinesBeforeTheHeaderAreSkippedAndRowsKeepTheirLineNumbers() throws IOException {
        // Some exports start with an empty line; it was read as the header ("Column '' is not an item").
        ResponseImports.JobView job = imports.importNow(csv("", ",,,", HEADER, row(riverside, "2023-11-15", "3"),
                row(riverside, "2023-11-16", "7")), "blank-first.csv", "qpr-15", true);
        assertThat(job.status()).isEqualTo("FAILED");
        assertThat(job.rowsRead()).isEqualTo(2);
        assertThat(imports.errors(job.id())).extracting(ResponseImports.RowError::rowNumber).containsOnly(5);
    }

    @Test
    void aValueUnderAColumnWithoutAHeadingIsARowProblemNotDropped() throws IOException {
        ResponseImports.JobView job = imports.importNow(csv(HEADER + ",",
                row(riverside, "2023-08-15", "3") + ",4"), "unnamed.csv", "qpr-15", true);
        assertThat(job.status()).isEqualTo("FAILED");
        assertThat(imports.errors(job.id())).singleElement().satisfies(e -> {
            assertThat(e.rowNumber()).isEqualTo(2);
            assertThat(e.message()).isEqualTo("Column 19 has a value but no heading. Add its heading to the header "
                    + "row, or clear the column.");
        });
    }

    @Test
    void anEmptyFileIsToldApartFromNoFileChosen() throws Exception {
        // Both said "Choose a CSV file", which reads as if the choice was lost.
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/measures/imports").file(new org.springframework.mock.web.MockMultipartFile("file",
                                "export.csv", "text/csv", new byte[0])).param("instrument", "qpr-15")
                        .param("allOrNothing", "true")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The file you chose is empty. Check that it was saved with its rows, then choose it again.")
                .doesNotContain("Choose a CSV file<");
        String none = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/measures/imports").param("instrument", "qpr-15")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(none).contains("Choose a CSV file").doesNotContain("is empty");
    }

    @Test
    void theSameFileImportedAgainIsRefusedSoThatNoResponseIsCountedTwice() throws IOException {
        // An import that failed stored nothing, so the same file may be imported once it is put right...
        Path file = csv(HEADER, row(riverside, "2024-06-01", "2"), row(riverside, "2024-09-01", "9"));
        assertThat(imports.importNow(file, "june.csv", "qpr-15", true).status()).isEqualTo("FAILED");
        Path fixed = csv(HEADER, row(riverside, "2024-06-01", "2"), row(riverside, "2024-09-01", "3"));
        ResponseImports.JobView first = imports.importNow(fixed, "june.csv", "qpr-15", true);
        assertThat(first.status()).isEqualTo("SUCCEEDED");
        long after = count();

        // ...but the same content again, whatever the file is called, is refused and nothing is stored.
        Path again = directory.resolve("june-copy.csv");
        Files.copy(fixed, again);
        ResponseImports.JobView second = imports.importNow(again, "june-copy.csv", "qpr-15", true);
        assertThat(second.status()).isEqualTo("FAILED");
        assertThat(second.rowsImported()).isZero();
        assertThat(second.failure()).startsWith("This file was imported already on ").contains("(2 responses)")
                .contains("Nothing was stored this time");
        assertThat(count()).isEqualTo(after);
        assertThat(jdbc.sql("select count(*) from measure_response where import_job_id = ?").param(second.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aFileThatStoredNothingCanBeImportedAgainAndOneThatLeftRowsOutSaysWhatToDoWithThem() throws IOException {
        // Valid rows only, and no row was valid (here the person is not on the importer's caseloads yet):
        // nothing was stored, but the file was then refused for ever as "imported already (0 responses)".
        Path nobody = csv(HEADER, row(hillview, "2024-10-01", "2"));
        ResponseImports.JobView first = imports.importNow(nobody, "later.csv", "qpr-15", false);
        assertThat(first.status()).isEqualTo("SUCCEEDED");
        assertThat(first.rowsImported()).isZero();
        ResponseImports.JobView again = imports.importNow(nobody, "later.csv", "qpr-15", false);
        assertThat(again.failure()).isNull();
        assertThat(imports.errors(again.id())).extracting(ResponseImports.RowError::field).containsExactly("person_id");

        // A file that stored some rows and left others out is still refused, and says what to do with those.
        Path some = csv(HEADER, row(riverside, "2024-10-02", "2"), row(hillview, "2024-10-02", "2"));
        assertThat(imports.importNow(some, "some.csv", "qpr-15", false).rowsImported()).isEqualTo(1);
        ResponseImports.JobView repeated = imports.importNow(some, "some.csv", "qpr-15", false);
        assertThat(repeated.status()).isEqualTo("FAILED");
        assertThat(repeated.failure()).contains("(1 response)").contains("1 row was left out of it then, with the "
                + "problems listed on that import's page: put that row right in a file of its own and import that.");
    }

    @Test
    void twoIdenticalImportsRunningAtOnceStoreTheFileOnce() throws Exception {
        String[] lines = new String[3001];
        lines[0] = HEADER;
        for (int i = 1; i <= 3000; i++) {
            lines[i] = row(riverside, java.time.LocalDate.of(2015, 1, 1).plusDays(i).toString(), Integer.toString(i % 5));
        }
        Path file = csv(lines);
        List<ResponseImports.JobView> jobs = atTheSameMoment(file, file);
        assertThat(jobs).extracting(ResponseImports.JobView::status).containsExactlyInAnyOrder("SUCCEEDED", "FAILED");
        assertThat(jobs).filteredOn(j -> j.status().equals("FAILED")).singleElement()
                .satisfies(j -> assertThat(j.failure()).startsWith("This file was imported already"));
        assertThat(jdbc.sql("select count(*) from measure_response where import_job_id in (?, ?)")
                .params(jobs.get(0).id(), jobs.get(1).id()).query(Long.class).single()).isEqualTo(3000);
    }

    @Test
    void twoDifferentFilesWithTheSameResponseImportedAtOnceStoreItOnce() throws Exception {
        String shared = row(riverside, "1997-05-05", "2");
        Path paper = csv(HEADER, shared, row(riverside, "1997-06-06", "2"));
        Path export = csv(HEADER, row(riverside, "1997-07-07", "2"), shared);
        List<ResponseImports.JobView> jobs = atTheSameMoment(paper, export);
        assertThat(jobs).extracting(ResponseImports.JobView::status).containsExactlyInAnyOrder("SUCCEEDED", "FAILED");
        ResponseImports.JobView second = jobs.stream().filter(j -> j.status().equals("FAILED")).findFirst().orElseThrow();
        assertThat(imports.errors(second.id())).singleElement().satisfies(e -> assertThat(e.message())
                .startsWith("This row repeats a response already stored for this person for 1997-05-05, imported"));
        assertThat(jdbc.sql("select count(*) from measure_response where person_id = ? and completed_at::date = "
                + "'1997-05-05' and status = 'COMPLETED'").param(riverside).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anImportThatMustWaitForAnotherOfTheSameQuestionnaireSaysSoAndThenRuns() throws Exception {
        Path file = csv(HEADER, row(riverside, "1998-08-08", "1"));
        try (java.sql.Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
                lock.setInt(1, ResponseImports.IMPORT_LOCK);
                lock.setInt(2, "qpr-15".hashCode());
                lock.execute();
            }
            org.springframework.security.core.context.SecurityContext importer =
                    org.springframework.security.core.context.SecurityContextHolder.getContext();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                var waiting = pool.submit(() -> {
                    org.springframework.security.core.context.SecurityContextHolder.setContext(importer);
                    try {
                        return imports.importNow(file, "waits.csv", "qpr-15", true);
                    } finally {
                        org.springframework.security.core.context.SecurityContextHolder.clearContext();
                    }
                });
                String status = null;
                for (int i = 0; i < 100 && !"QUEUED".equals(status); i++) {
                    Thread.sleep(50);
                    status = jdbc.sql("select status from measure_import_job where file_name = 'waits.csv'")
                            .query(String.class).optional().orElse(null);
                }
                assertThat(status).as("shown as waiting to start while the other import runs").isEqualTo("QUEUED");
                other.commit();
                assertThat(waiting.get().status()).isEqualTo("SUCCEEDED");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Imports both files in two threads released together, as the same importer. */
    private List<ResponseImports.JobView> atTheSameMoment(Path first, Path second) throws Exception {
        org.springframework.security.core.context.SecurityContext importer =
                org.springframework.security.core.context.SecurityContextHolder.getContext();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.function.Function<Path, java.util.concurrent.Callable<ResponseImports.JobView>> task = file -> () -> {
            org.springframework.security.core.context.SecurityContextHolder.setContext(importer);
            try {
                go.await();
                return imports.importNow(file, "same.csv", "qpr-15", true);
            } finally {
                org.springframework.security.core.context.SecurityContextHolder.clearContext();
            }
        };
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(task.apply(first));
            var b = pool.submit(task.apply(second));
            go.countDown();
            return List.of(a.get(), b.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRecordNumberIsCheckedAgainstTheDateOfBirthSoThatATypoCannotFileAnswersOnSomeoneElse() throws IOException {
        // Without a second identifier beside person_id the file is refused before any row.
        ResponseImports.JobView unchecked = imports.importNow(csv(HEADER.replace("date_of_birth,", ""),
                riverside + ",2025-01-15" + ",3".repeat(15)), "no-dob.csv", "qpr-15", true);
        assertThat(unchecked.status()).isEqualTo("FAILED");
        assertThat(imports.errors(unchecked.id())).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("add a date_of_birth column"));

        String wrongBirth = java.time.LocalDate.parse(dob(riverside)).plusDays(1).toString();
        ResponseImports.JobView job = imports.importNow(csv(HEADER,
                riverside + "," + wrongBirth + ",2025-01-15" + ",3".repeat(15),
                riverside + ",14/07/1980,2025-01-15" + ",3".repeat(15),
                row(riverside, "2023-05-16", "3")), "typo.csv", "qpr-15", false);
        assertThat(job.rowsImported()).isEqualTo(1);
        assertThat(imports.errors(job.id())).extracting(ResponseImports.RowError::rowNumber, ResponseImports.RowError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "date_of_birth"),
                        org.assertj.core.groups.Tuple.tuple(3, "date_of_birth"));
        assertThat(imports.errors(job.id()).get(0).message()).isEqualTo(
                "date_of_birth does not match the record of this person. Check both the person_id and the date.")
                .doesNotContain(dob(riverside));

        // By NHS number (with its check digit) the date of birth is optional.
        String nhs = jdbc.sql("select nhs_number from person where id = ?").param(riverside).query(String.class).single();
        ResponseImports.JobView byNhs = imports.importNow(csv(HEADER.replace("person_id,date_of_birth", "nhs_number"),
                nhs + ",2023-06-16" + ",2".repeat(15)), "nhs-only.csv", "qpr-15", true);
        assertThat(byNhs.status()).isEqualTo("SUCCEEDED");
    }

    @Test
    void rowsThatRepeatAStoredResponseOrAnotherRowAreReportedNotCountedTwice() throws IOException {
        // Paper forms keyed in once already; then another system's export arrives with the same answers.
        ResponseImports.JobView keyedIn = imports.importNow(csv(HEADER, row(riverside, "1995-03-01", "2"),
                row(riverside, "1995-06-01", "3")), "keyed-in.csv", "qpr-15", true);
        assertThat(keyedIn.status()).isEqualTo("SUCCEEDED");
        long sam = fixtures.sam();
        long samsResponse = fixtures.latestResult(sam, "qpr-15");
        String samsRow = jdbc.sql("""
                select ? || ',' || ? || ',' || (completed_at at time zone 'Europe/London')::date || ','
                       || array_to_string(answers, ',', '') from measure_response where id = ?""")
                .params(sam, dob(sam), samsResponse).query(String.class).single();
        long before = count();

        ResponseImports.JobView export = imports.importNow(csv(HEADER,
                row(riverside, "1995-03-01", "2"),
                row(riverside, "1995-03-01", "1"),
                row(riverside, "1995-09-01", "4"),
                samsRow,
                row(riverside, "1995-09-01", "4")), "export.csv", "qpr-15", true);

        assertThat(export.status()).isEqualTo("FAILED");
        assertThat(export.rowsWithErrors()).isEqualTo(3);
        assertThat(count()).isEqualTo(before);
        assertThat(imports.errors(export.id())).extracting(ResponseImports.RowError::rowNumber,
                ResponseImports.RowError::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "This row repeats a response already stored for this person for "
                        + "1995-03-01, imported earlier (import " + keyedIn.id() + "): same date and answers. Remove the "
                        + "row, or first mark the stored response entered in error."),
                org.assertj.core.groups.Tuple.tuple(5, "This row repeats a response already stored for this person for "
                        + samsRow.split(",")[2] + ", completed in REFOCUS: same date and answers. Remove the row, or "
                        + "first mark the stored response entered in error."),
                org.assertj.core.groups.Tuple.tuple(6, "This row repeats row 4: same person, date and answers. Remove "
                        + "one of them."));

        // With all-or-nothing off the repeats are left out and the rest stored, once each.
        ResponseImports.JobView rest = imports.importNow(csv(HEADER,
                row(riverside, "1995-03-01", "2"),
                row(riverside, "1995-03-01", "1"),
                row(riverside, "1995-09-01", "4"),
                row(riverside, "1995-09-01", "4")), "export-rest.csv", "qpr-15", false);
        assertThat(rest.status()).isEqualTo("SUCCEEDED");
        assertThat(rest.rowsImported()).isEqualTo(2);
        assertThat(rest.rowsWithErrors()).isEqualTo(2);
        assertThat(count()).isEqualTo(before + 2);

        // A stored response marked entered in error no longer counts, so its replacement can be imported.
        long wrong = jdbc.sql("select id from measure_response where import_job_id = ? and completed_at::date = '1995-06-01'")
                .param(keyedIn.id()).query(Long.class).single();
        int version = jdbc.sql("select version from measure_response where id = ?").param(wrong).query(Integer.class).single();
        corrections.markEnteredInError(wrong, version, "Keyed in against the wrong form");
        ResponseImports.JobView replacement = imports.importNow(csv(HEADER, row(riverside, "1995-06-01", "3")),
                "replacement.csv", "qpr-15", true);
        assertThat(replacement.status()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aRowRepeatingOneInAnEarlierChunkOfALargeFileIsFoundToo() throws IOException {
        // SWEMWBS, which no one in the demo has answered: only the file itself can make the last row a repeat.
        assertThat(jdbc.sql("select count(*) from measure_response where instrument_code = 'swemwbs'")
                .query(Long.class).single()).isZero();
        int rows = 70_000;
        String[] lines = new String[rows + 2];
        lines[0] = "person_id,date_of_birth,completed_on,swemwbs_01,swemwbs_02,swemwbs_03,swemwbs_04,swemwbs_05,"
                + "swemwbs_06,swemwbs_07";
        String person = riverside + "," + dob(riverside) + ",";
        java.time.LocalDate first = java.time.LocalDate.of(1990, 1, 1);
        for (int i = 1; i <= rows; i++) {
            lines[i] = person + first.plusDays(i % 10_000) + "," + (1 + (i / 10_000) % 5) + "," + (1 + i / 50_000)
                    + ",3".repeat(5);
        }
        lines[rows + 1] = lines[1];
        ResponseImports.JobView job = imports.importNow(csv(lines), "large.csv", "swemwbs", true);
        assertThat(job.status()).isEqualTo("FAILED");
        assertThat(job.rowsWithErrors()).isEqualTo(1);
        assertThat(imports.errors(job.id())).singleElement().satisfies(e -> {
            assertThat(e.rowNumber()).isEqualTo(rows + 2);
            assertThat(e.message()).startsWith("This row repeats an earlier row of this file");
        });

        // An ordinary problem early on does not hide the repeat: all-or-nothing reports what the other mode does.
        lines[5] = lines[5].replaceFirst(",3$", ",9");
        for (boolean allOrNothing : new boolean[] {true, false}) {
            ResponseImports.JobView both = imports.importNow(csv(lines), "large-" + allOrNothing + ".csv", "swemwbs",
                    allOrNothing);
            assertThat(both.rowsWithErrors()).as("all-or-nothing " + allOrNothing).isEqualTo(2);
            assertThat(imports.errors(both.id())).extracting(ResponseImports.RowError::rowNumber)
                    .as("all-or-nothing " + allOrNothing).containsExactly(6, rows + 2);
            if (!allOrNothing) {
                corrections.withdrawImport(both.id(), "Test file, not real answers");
            }
        }
    }

    @Test
    void whenThereAreMoreProblemsThanAreKeptThoseOfTheFirstRowsAreKeptRepeatsIncluded() throws IOException {
        String[] lines = new String[1104];
        lines[0] = HEADER;
        lines[1] = row(riverside, "1996-01-01", "1");
        lines[2] = lines[1];
        for (int i = 3; i < lines.length; i++) {
            lines[i] = row(riverside, "1996-01-02", "1").replaceFirst(",1$", ",7");
        }
        ResponseImports.JobView job = imports.importNow(csv(lines), "many.csv", "qpr-15", true);
        assertThat(job.rowsWithErrors()).isEqualTo(1102);
        List<ResponseImports.RowError> kept = imports.errors(job.id());
        assertThat(kept).hasSize(1000);
        assertThat(kept.get(0).rowNumber()).isEqualTo(3);
        assertThat(kept.get(0).message()).isEqualTo("This row repeats row 2: same person, date and answers. Remove one "
                + "of them.");
        assertThat(kept.get(999).rowNumber()).isEqualTo(1002);
    }

    @Test
    void theImporterIsToldWhichResponsesWereCompletedAfterThePersonPausedQuestionnaires() throws Exception {
        ResponseImports.JobView notPaused = imports.importNow(csv(HEADER, row(riverside, "2025-07-30", "2")),
                "b.csv", "qpr-15", true);
        jdbc.sql("""
                insert into measurement_pause (person_id, paused, since, reason) values (?, true, ?, 'Not now')""")
                .params(riverside, java.sql.Timestamp.from(java.time.Instant.parse("2025-03-01T09:00:00Z"))).update();
        ResponseImports.JobView job;
        try {
            job = imports.importNow(csv(HEADER,
                    row(riverside, "2025-02-28", "3"), row(riverside, "2025-02-28", "1"),
                    row(riverside, "2025-03-01", "4"), row(riverside, "2025-06-30", "2")), "paper.csv", "qpr-15",
                    true);
        } finally {
            jdbc.sql("delete from measurement_pause where person_id = ?").param(riverside).update();
        }

        // Stored all the same: they are the person's answers. The importer is told, row by row.
        assertThat(job.status()).as(job.failure() + " " + imports.errors(job.id())).isEqualTo("SUCCEEDED");
        assertThat(job.rowsImported()).isEqualTo(4);
        assertThat(job.rowsWhilePaused()).isEqualTo(2);
        assertThat(job.rowsWhilePausedListed()).containsExactly(4, 5);
        assertThat(notPaused.rowsWhilePaused()).isZero();
        String page = mvc.perform(get("/measures/imports/" + job.id())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Check that they agreed").contains("2 of these responses were completed on or "
                + "after the day the person had paused questionnaires. Pausing is their choice: check with them, or "
                + "with their care coordinator, that they agreed to answer these. Rows: 4, 5.");
        assertThat(mvc.perform(get("/measures/imports/" + notPaused.id())).andReturn().getResponse()
                .getContentAsString()).contains("1 response stored").doesNotContain("Check that they agreed");
    }

    @Test
    void theImportersJobIsInvisibleToOthers() throws IOException {
        ResponseImports.JobView job = imports.importNow(csv(HEADER, row(riverside, "2023-04-15", "3")), "a.csv",
                "qpr-15", true);
        jdbc.sql("update measure_import_job set created_by = ? where id = ?").params(fixtures.account("rita.lead"),
                job.id()).update();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.job(job.id()))
                .isInstanceOf(org.refocus.shared.NotFoundException.class);
        // Like any other record out of reach, the attempt is on the trail (it was refused without a trace).
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'measure_import_job' "
                + "and record_id = ? and outcome = 'DENIED'").param(String.valueOf(job.id())).query(Long.class).single())
                .isEqualTo(1);
    }

    private long count() {
        return jdbc.sql("select count(*) from measure_response").query(Long.class).single();
    }

    private String row(long person, String date, String each) {
        return person + "," + dob(person) + "," + date + ("," + each).repeat(15);
    }

    /** The person's recorded date of birth (any date for someone who does not exist). */
    private String dob(long person) {
        return jdbc.sql("select date_of_birth::text from person where id = ?").param(person).query(String.class)
                .optional().orElse("1980-01-01");
    }

    private Path csv(String... lines) throws IOException {
        Path file = Files.createTempFile(directory, "import", ".csv");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n");
        return file;
    }
}
