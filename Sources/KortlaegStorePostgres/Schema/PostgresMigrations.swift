/// The PostgreSQL schema of one project as named, ordered migrations with the same names as the
/// SQLite store's (`v1` … `v7`; KortlaegStoreSQLite's `StoreMigrations`), each ending in the
/// same tables and constraints. Applied ones are recorded in the project's
/// `kortlaeg_migrations` table. A migration is never edited once released.
///
/// Column names are PostgreSQL's snake case (`file_name` for SQLite's `fileName`); `row`, `line`,
/// `column` and `operator` become `row_number`, `line_number`, `column_name`, `operator_name`
/// (reserved or awkward words in SQL). Every integer is `bigint`.
enum PostgresMigrations {
    struct Migration: Sendable {
        var identifier: String
        var statements: [String]
    }

    /// Every migration this Kortlæg knows, in order.
    static let all: [Migration] = [v1, v2, v3, v4, v5, v6, v7]

    /// The migrations up to and including `last`: an older Kortlæg's, for tests.
    static func through(_ last: String) -> [Migration] {
        var result: [Migration] = []
        for migration in all {
            result.append(migration)
            if migration.identifier == last { break }
        }
        return result
    }

    static let table = """
        CREATE TABLE IF NOT EXISTS kortlaeg_migrations (identifier text PRIMARY KEY, applied_at text NOT NULL)
        """

    static let v1 = Migration(identifier: "v1", statements: [
        """
        CREATE TABLE project (
          id bigint PRIMARY KEY CHECK (id = 1), municipality text, intervention_model text, tool_version text,
          wrapped_key bytea NOT NULL, server_key_fingerprint text NOT NULL, created_at text NOT NULL)
        """,
        "CREATE TABLE school (id bigserial PRIMARY KEY, name text NOT NULL UNIQUE)",
        """
        CREATE TABLE school_class (id bigserial PRIMARY KEY, school_id bigint REFERENCES school, name text NOT NULL,
          UNIQUE (school_id, name))
        """,
        """
        CREATE TABLE child (id bigserial PRIMARY KEY, pseudonym text NOT NULL UNIQUE,
          class_id bigint REFERENCES school_class, birth_year bigint, birth_month bigint, sex text)
        """,
        "CREATE TABLE occasion (id bigserial PRIMARY KEY, code text NOT NULL UNIQUE, sequence bigint NOT NULL, date text)",
        """
        CREATE TABLE import_batch (id bigserial PRIMARY KEY, file_name text NOT NULL, sha256 text NOT NULL UNIQUE,
          profile text NOT NULL, imported_at text NOT NULL, operator_name text NOT NULL,
          accepted bigint NOT NULL DEFAULT 0, rejected bigint NOT NULL DEFAULT 0, replaced bigint NOT NULL DEFAULT 0)
        """,
        """
        CREATE TABLE import_reject (id bigserial PRIMARY KEY, batch_id bigint NOT NULL REFERENCES import_batch,
          row_number bigint NOT NULL, line_number bigint NOT NULL, column_name text NOT NULL, value text, reason text NOT NULL)
        """,
        "CREATE INDEX import_reject_batch ON import_reject (batch_id)",
        """
        CREATE TABLE scoring (id bigserial PRIMARY KEY, instrument_id text NOT NULL, instrument_version text NOT NULL,
          rule_choices text NOT NULL, include_unverified boolean NOT NULL, band_tables text NOT NULL,
          UNIQUE (instrument_id, instrument_version, rule_choices, include_unverified, band_tables))
        """,
        """
        CREATE TABLE response (id bigserial PRIMARY KEY, child_id bigint NOT NULL REFERENCES child,
          occasion_id bigint NOT NULL REFERENCES occasion, informant text NOT NULL, instrument_id text NOT NULL,
          instrument_version text NOT NULL, date text, answers text NOT NULL,
          batch_id bigint NOT NULL REFERENCES import_batch, scoring_id bigint NOT NULL REFERENCES scoring,
          UNIQUE (child_id, occasion_id, informant, instrument_id))
        """,
        "CREATE INDEX response_batch ON response (batch_id)",
        """
        CREATE TABLE score (response_id bigint NOT NULL REFERENCES response ON DELETE CASCADE, score_id text NOT NULL,
          variable text NOT NULL, value double precision, bands text, PRIMARY KEY (response_id, score_id))
        """,
        """
        CREATE TABLE audit_log (id bigserial PRIMARY KEY, at text NOT NULL, operator_name text NOT NULL,
          action text NOT NULL, batch_id bigint REFERENCES import_batch, summary text NOT NULL, detail text)
        """,
    ])

    /// v2 (issue 6): aggregated trivselsmåling results, one row per published figure.
    static let v2 = Migration(identifier: "v2", statements: [
        """
        CREATE TABLE trivsel_figure (id bigserial PRIMARY KEY,
          batch_id bigint NOT NULL REFERENCES import_batch, school_id bigint NOT NULL REFERENCES school,
          grade text, grade_key text NOT NULL, school_year bigint,
          indicator text NOT NULL CONSTRAINT trivsel_figure_indicator_known
            CHECK (indicator IN ('social', 'faglig', 'stoette', 'ro_orden', 'generel')),
          mean double precision CHECK (mean >= 1 AND mean <= 5), pupils bigint CHECK (pupils >= 0),
          share_gt3 double precision CHECK (share_gt3 >= 0 AND share_gt3 <= 100),
          share_gt4 double precision CHECK (share_gt4 >= 0 AND share_gt4 <= 100),
          row_number bigint NOT NULL, line_number bigint NOT NULL)
        """,
        "CREATE INDEX trivsel_figure_batch ON trivsel_figure (batch_id)",
        "CREATE INDEX trivsel_figure_school ON trivsel_figure (school_id)",
        """
        CREATE UNIQUE INDEX trivsel_figure_key
          ON trivsel_figure (school_id, grade_key, coalesce(school_year, 0), indicator)
        """,
    ])

    /// v3 (issue 12): trivsel indicator ids are data (the instrument files): the CHECK goes.
    static let v3 = Migration(identifier: "v3", statements: [
        "ALTER TABLE trivsel_figure DROP CONSTRAINT trivsel_figure_indicator_known",
    ])

    /// v5 (issue 13, undo), named as the SQLite store's v5: an import can be removed. The batch row stays, marked removed; the
    /// SHA-256 is unique among the batches that are not removed only (so the file can be imported
    /// again); `response_redelivery` records which later batch delivered a response unchanged.
    static let v5 = Migration(identifier: "v5", statements: [
        "ALTER TABLE import_batch ADD COLUMN removed_at text, ADD COLUMN removed_by text",
        "ALTER TABLE import_batch DROP CONSTRAINT import_batch_sha256_key",
        "CREATE UNIQUE INDEX import_batch_live_sha256 ON import_batch (sha256) WHERE removed_at IS NULL",
        """
        CREATE TABLE response_redelivery (id bigserial PRIMARY KEY,
          response_id bigint NOT NULL REFERENCES response ON DELETE CASCADE,
          batch_id bigint NOT NULL REFERENCES import_batch, UNIQUE (response_id, batch_id))
        """,
        "CREATE INDEX response_redelivery_batch ON response_redelivery (batch_id)",
    ])

    /// v6 (issue 14): the child's site (municipality) when data from several sites are pooled; the
    /// site is part of the pseudonym (docs/decisions/sites.md). Named as the SQLite store's v6.
    static let v6 = Migration(identifier: "v6", statements: [
        "ALTER TABLE child ADD COLUMN site text",
    ])

    /// v7 (issue 16): the staff's own labels of children (``ChildLabelStore``), by pseudonym.
    /// Named as the SQLite store's v7, with the same columns.
    static let v7 = Migration(identifier: "v7", statements: [
        "CREATE TABLE child_label (pseudonym text PRIMARY KEY, label text NOT NULL)",
    ])
}
