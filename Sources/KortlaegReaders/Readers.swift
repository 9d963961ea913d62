// Placeholder; readers live here.
