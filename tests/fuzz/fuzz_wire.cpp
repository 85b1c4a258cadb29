// Every wire decoder both sides run on bytes from the network: none may crash, hang, read out
// of bounds or overflow on any input; each either decodes or says why not.
#include "sync/protocol/wire.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const QByteArray device(16, '\x01');
    fl::wire::Limits small;
    small.maxChangeSets = 64;
    (void)fl::wire::decodePush(body, device);
    (void)fl::wire::decodePush(body, device, small);
    (void)fl::wire::decodePushResult(body);
    (void)fl::wire::decodePullPage(body);
    (void)fl::wire::decodeEnrolRequest(body);
    (void)fl::wire::decodeEnrolResponse(body);
    (void)fl::wire::decodeEnrolCodeRequest(body);
    (void)fl::wire::decodeEnrolCodeResponse(body);
    (void)fl::wire::decodeDevices(body);
    (void)fl::wire::decodeEnvelopes(body);
    (void)fl::wire::decodeCampaignGrant(body);
    (void)fl::wire::decodeError(body);
    return 0;
}
