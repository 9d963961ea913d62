// ReadStat (Debian libreadstat-dev 1.1.8): the C library that writes SPSS .sav and Stata .dta.
// Only KortlaegExport/Writers/ReadStatWriter.swift calls it.
#include <readstat.h>
