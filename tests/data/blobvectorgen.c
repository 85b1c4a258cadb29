// Makes the pinned blob vectors of tests/unit/media/tst_blobcipher.cpp with libsodium alone (see
// README.md).
//   gcc blobvectorgen.c -lsodium -o /tmp/blobvectorgen && /tmp/blobvectorgen   (writes short.bin,
//   blob_vector_v1.bin)
// The header is random, so running it again gives different (equally valid) files.
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#define CHUNK 65536
static void stream(const unsigned char *key, const unsigned char *pt, size_t n, FILE *out) {
    crypto_secretstream_xchacha20poly1305_state st;
    unsigned char h[24];
    crypto_secretstream_xchacha20poly1305_init_push(&st, h, key);
    fwrite(h, 1, 24, out);
    static unsigned char c[CHUNK + 17];
    size_t off = 0;
    for (;;) {
        size_t len = n - off < CHUNK ? n - off : CHUNK;
        int last = len < CHUNK;
        unsigned long long cl;
        crypto_secretstream_xchacha20poly1305_push(
            &st, c, &cl, pt + off, len, NULL, 0,
            last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                 : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        fwrite(c, 1, cl, out);
        off += len;
        if (last)
            break;
    }
}
int main(void) {
    if (sodium_init() < 0)
        return 1;
    unsigned char key[32];
    for (int i = 0; i < 32; ++i)
        key[i] = i;
    const char *msg = "FieldLedger blob vector v1";
    FILE *f = fopen("short.bin", "wb");
    stream(key, (const unsigned char *)msg, strlen(msg), f);
    fclose(f);
    static unsigned char pt[CHUNK + 10];
    for (size_t i = 0; i < sizeof pt; ++i)
        pt[i] = (unsigned char)(i * 7 + 3);
    f = fopen("blob_vector_v1.bin", "wb");
    stream(key, pt, sizeof pt, f);
    fclose(f);
    return 0;
}
