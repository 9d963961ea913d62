#ifndef KORTLAEG_CLIBXML2_SHIM_H
#define KORTLAEG_CLIBXML2_SHIM_H
// Debian's libxml2 headers enable ICU, whose types clash with Foundation's own ICU module.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#endif
