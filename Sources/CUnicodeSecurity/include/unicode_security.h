#ifndef GAVEL_UNICODE_SECURITY_H
#define GAVEL_UNICODE_SECURITY_H

#include <stdint.h>

/* ICU's UTS #39 and UTS #46 services, behind a C interface so that Swift
 * never imports ICU headers (they clash with the ICU that Foundation carries).
 *
 * Every function reads `length` bytes of UTF-8 at `input`, writes at most
 * `capacity` bytes of UTF-8 to `output` (not NUL-terminated) and returns the
 * length of the full result. A result longer than `capacity` is not written
 * in full: call again with a larger buffer. A negative result is an ICU
 * failure; the caller falls back (see the Swift side). */

/* The UTS #39 confusable skeleton (uspoof_getSkeletonUTF8). */
int32_t gavel_confusable_skeleton(const char *input, int32_t length, char *output, int32_t capacity);

/* UTS #46 ToASCII of a whole domain name, nontransitional processing
 * (uidna_nameToASCII_UTF8). `*had_errors` is set when ICU reports any
 * processing error (a disallowed code point, a bad label), in which case the
 * output is not a valid domain name. */
int32_t gavel_idna_to_ascii(const char *input, int32_t length, char *output, int32_t capacity, int32_t *had_errors);

/* UTS #46 ToUnicode of a whole domain name (Punycode labels decoded). */
int32_t gavel_idna_to_unicode(const char *input, int32_t length, char *output, int32_t capacity, int32_t *had_errors);

/* ICU's version (u_getVersion) as dotted text, e.g. "72.1.0.3", written
 * NUL-terminated to `output` (at least 24 bytes). Confusable skeletons
 * come from ICU's data, so a cache of them names the ICU that made them. */
void gavel_icu_version(char *output);

#endif
