#pragma once
// POST /v1/enrol-codes, shared by the SQLite and PostgreSQL tests: an office device issues a
// code that enrols a new device once; inspectors, unsigned and replayed requests and bad
// values are refused.

#include "servertestsupport.h"

#include <QTest>

namespace fltest {

inline HttpReply requestEnrolCode(Fixture &f, const TestDevice &caller, const QString &role,
                                  int hours) {
    return f.http->send(caller, "POST", "/v1/enrol-codes",
                        fl::wire::encode(fl::wire::EnrolCodeRequest{role, hours}));
}

inline void officeIssuedEnrolCodeScenario(Fixture &f) {
    const qint64 before = nowMs();
    const HttpReply issued = requestEnrolCode(f, f.office, QStringLiteral("inspector"), 2);
    QCOMPARE(issued.status, 200);
    auto code = fl::wire::decodeEnrolCodeResponse(issued.body);
    QVERIFY(code.ok());
    QCOMPARE(code->role, QStringLiteral("inspector"));
    QCOMPARE(code->code.size(), 19); // XXXX-XXXX-XXXX-XXXX, as the admin CLI prints it
    const qint64 twoHours = 2ll * 60 * 60 * 1000;
    QVERIFY(code->expiresAtMs >= before + twoHours && code->expiresAtMs <= nowMs() + twoHours);

    // It enrols a new device, once.
    const TestDevice tablet = TestDevice::create();
    const HttpReply enrolled = f.http->enrol(tablet, code->code);
    QCOMPARE(enrolled.status, 200);
    QCOMPARE(fl::wire::decodeEnrolResponse(enrolled.body)->role, QStringLiteral("inspector"));
    QCOMPARE(f.http->send(tablet, "GET", "/v1/keys").status, 200);
    const HttpReply again = f.http->enrol(TestDevice::create(), code->code);
    QCOMPARE(again.status, 403);
    QCOMPARE(again.error(), QStringLiteral("bad_code"));

    // An office code makes an office device; without hours a code lives 24 hours.
    QCborMap noHours;
    noHours.insert(QStringLiteral("v"), fl::wire::Version);
    noHours.insert(QStringLiteral("role"), QStringLiteral("office"));
    const HttpReply office =
        f.http->send(f.office, "POST", "/v1/enrol-codes", QCborValue(noHours).toCbor());
    QCOMPARE(office.status, 200);
    auto officeCode = fl::wire::decodeEnrolCodeResponse(office.body);
    QVERIFY(officeCode.ok());
    QVERIFY(officeCode->expiresAtMs >= before + 24ll * 60 * 60 * 1000);
    const TestDevice console = TestDevice::create();
    const HttpReply asOffice = f.http->enrol(console, officeCode->code);
    QCOMPARE(asOffice.status, 200);
    QCOMPARE(fl::wire::decodeEnrolResponse(asOffice.body)->role, QStringLiteral("office"));
    QCOMPARE(requestEnrolCode(f, console, QStringLiteral("inspector"), 1).status, 200);

    // Inspectors may not make codes, new or old.
    const HttpReply inspector = requestEnrolCode(f, f.alice, QStringLiteral("inspector"), 24);
    QCOMPARE(inspector.status, 403);
    QCOMPARE(inspector.error(), QStringLiteral("forbidden"));
    QCOMPARE(requestEnrolCode(f, tablet, QStringLiteral("office"), 24).status, 403);

    // Unsigned, and replayed, as every signed call.
    const QByteArray body =
        fl::wire::encode(fl::wire::EnrolCodeRequest{QStringLiteral("inspector"), 24});
    const HttpReply unsignedReply =
        f.http->raw("POST", "/v1/enrol-codes", body, {{"Content-Type", fl::wire::ContentType}});
    QCOMPARE(unsignedReply.status, 401);
    QCOMPARE(unsignedReply.error(), QStringLiteral("missing_auth"));
    const Headers h = f.http->signedHeaders(f.office, "POST", "/v1/enrol-codes", body, nowMs(),
                                            {{"Content-Type", fl::wire::ContentType}});
    QCOMPARE(f.http->raw("POST", "/v1/enrol-codes", body, h).status, 200);
    const HttpReply replayed = f.http->raw("POST", "/v1/enrol-codes", body, h);
    QCOMPARE(replayed.status, 401);
    QCOMPARE(replayed.error(), QStringLiteral("replayed_nonce"));

    // Values the server does not issue codes for.
    for (const auto &[role, hours] :
         {std::pair{QStringLiteral("admin"), 24}, std::pair{QString(), 24},
          std::pair{QStringLiteral("inspector"), 0},
          std::pair{QStringLiteral("inspector"), 24 * 365 + 1}}) {
        const HttpReply bad = requestEnrolCode(f, f.office, role, hours);
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.error(), QStringLiteral("malformed"));
    }
    QCborMap textHours;
    textHours.insert(QStringLiteral("v"), fl::wire::Version);
    textHours.insert(QStringLiteral("role"), QStringLiteral("inspector"));
    textHours.insert(QStringLiteral("hours"), QStringLiteral("24"));
    QCOMPARE(
        f.http->send(f.office, "POST", "/v1/enrol-codes", QCborValue(textHours).toCbor()).status,
        400);
}

} // namespace fltest
