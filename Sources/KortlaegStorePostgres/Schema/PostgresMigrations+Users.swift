extension PostgresMigrations {
    /// v4 (issue 16, SQLite's `v4`): the users of the web application and their sessions
    /// (``UserStore``). As in SQLite, `locked_until` and `expires_at` are seconds since 1970
    /// (`double precision`), so that `store copy` moves them unchanged; `user` is a reserved word
    /// in PostgreSQL, so the session's user is `user_name`.
    static let v4 = Migration(identifier: "v4", statements: [
        """
        CREATE TABLE web_user (name text PRIMARY KEY, role text NOT NULL, password_hash text NOT NULL,
          failed_logins bigint NOT NULL DEFAULT 0, locked_until double precision)
        """,
        """
        CREATE TABLE web_session (id_hash text PRIMARY KEY,
          user_name text NOT NULL REFERENCES web_user ON DELETE CASCADE,
          csrf_token text NOT NULL, expires_at double precision NOT NULL)
        """,
        "CREATE INDEX web_session_user ON web_session (user_name)",
    ])
}
