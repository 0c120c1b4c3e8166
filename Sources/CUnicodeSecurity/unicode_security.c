/* The only file that includes ICU headers (see include/unicode_security.h).
 *
 * Thread safety: the spoof checker and the UTS #46 object are each created
 * once per process, under pthread_once, and never modified afterwards. ICU
 * documents uspoof_getSkeletonUTF8 (a const USpoofChecker) and the UIDNA
 * name functions (a const UIDNA) as safe to call from several threads at
 * once on a shared instance, so no lock is needed after creation. These two
 * statics are the only process-wide state, and they are immutable once set. */
#include "unicode_security.h"

#include <pthread.h>
#include <unicode/uidna.h>
#include <unicode/uversion.h>
#include <unicode/uspoof.h>

static pthread_once_t spoof_once = PTHREAD_ONCE_INIT;
static USpoofChecker *spoof_checker = NULL;

static void create_spoof_checker(void) {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker *checker = uspoof_open(&status);
    if (U_FAILURE(status)) {
        if (checker) uspoof_close(checker);
        return;
    }
    spoof_checker = checker;
}

int32_t gavel_confusable_skeleton(const char *input, int32_t length, char *output, int32_t capacity) {
    pthread_once(&spoof_once, create_spoof_checker);
    if (!spoof_checker) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t written = uspoof_getSkeletonUTF8(spoof_checker, 0, input, length, output, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return written;
    if (U_FAILURE(status)) return -1;
    return written;
}

static pthread_once_t idna_once = PTHREAD_ONCE_INIT;
static UIDNA *idna = NULL;

static void create_idna(void) {
    UErrorCode status = U_ZERO_ERROR;
    UIDNA *created = uidna_openUTS46(UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_NONTRANSITIONAL_TO_UNICODE, &status);
    if (U_FAILURE(status)) {
        if (created) uidna_close(created);
        return;
    }
    idna = created;
}

int32_t gavel_idna_to_ascii(const char *input, int32_t length, char *output, int32_t capacity, int32_t *had_errors) {
    pthread_once(&idna_once, create_idna);
    if (!idna) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UIDNAInfo info = UIDNA_INFO_INITIALIZER;
    int32_t written = uidna_nameToASCII_UTF8(idna, input, length, output, capacity, &info, &status);
    *had_errors = info.errors != 0;
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return written;
    if (U_FAILURE(status)) return -1;
    return written;
}

int32_t gavel_idna_to_unicode(const char *input, int32_t length, char *output, int32_t capacity, int32_t *had_errors) {
    pthread_once(&idna_once, create_idna);
    if (!idna) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UIDNAInfo info = UIDNA_INFO_INITIALIZER;
    int32_t written = uidna_nameToUnicodeUTF8(idna, input, length, output, capacity, &info, &status);
    *had_errors = info.errors != 0;
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return written;
    if (U_FAILURE(status)) return -1;
    return written;
}

void gavel_icu_version(char *output) {
    UVersionInfo version;
    u_getVersion(version);
    u_versionToString(version, output);
}
