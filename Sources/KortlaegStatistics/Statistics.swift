// Placeholder; see Statistics files.
