#include "domain/entities.h"

#include <QCborArray>
#include <QCborValue>
#include <QTimeZone>
#include <QtTest>

using namespace fl;

namespace {

GeoPosition somewhere() {
    return GeoPosition{39.9042, 116.4074, 43.5, 4.2};
}

// Beijing time, so that the UTC conversion on the way out is exercised.
QDateTime beijing(int hour, int minute, int ms) {
    return QDateTime(QDate(2026, 3, 5), QTime(hour, minute, 0, ms), QTimeZone(8 * 3600));
}

Campaign campaign() {
    Campaign c;
    c.id = QStringLiteral("c-1");
    c.name = QStringLiteral("2026年第一轮党建督查");
    c.startDate = QDate(2026, 3, 1);
    c.endDate = QDate(2026, 4, 30);
    c.baseScore[0] = 40;
    c.baseScore[1] = 30.5;
    c.baseScore[2] = 29.5;
    return c;
}

ChecklistItem checklistItem() {
    ChecklistItem i;
    i.id = QStringLiteral("i-1");
    i.campaignId = QStringLiteral("c-1");
    i.level = Level::OrganCommittee;
    i.code = QStringLiteral("2.1.3");
    i.text = QStringLiteral("“三会一课”制度落实情况");
    i.category = QStringLiteral("组织生活");
    i.maxDeduction = 2.5;
    return i;
}

Unit unit() {
    Unit u;
    u.id = QStringLiteral("u-1");
    u.campaignId = QStringLiteral("c-1");
    u.name = QStringLiteral("省交通运输厅");
    u.contact = QStringLiteral("王科长 010-12345678");
    return u;
}

Visit visit() {
    Visit v;
    v.id = QStringLiteral("v-1");
    v.campaignId = QStringLiteral("c-1");
    v.unitId = QStringLiteral("u-1");
    v.date = QDate(2026, 3, 5);
    v.team = {QStringLiteral("张三"), QStringLiteral("李四")};
    v.status = VisitStatus::InProgress;
    return v;
}

Finding finding() {
    Finding f;
    f.id = QStringLiteral("f-1");
    f.visitId = QStringLiteral("v-1");
    f.checklistItemId = QStringLiteral("i-1");
    f.level = Level::Grassroots;
    f.category = QStringLiteral("组织生活");
    f.severity = Severity::Serious;
    f.deduction = 1.5;
    f.title = QStringLiteral("支部未按期换届");
    f.description = QStringLiteral("第三党支部任期届满未换届。");
    f.location = somewhere();
    f.responsibleParty = QStringLiteral("机关党委");
    f.dueDate = QDate(2026, 5, 31);
    f.status = FindingStatus::AwaitingVerification;
    return f;
}

Transition transition() {
    Transition t;
    t.id = QStringLiteral("t-1");
    t.findingId = QStringLiteral("f-1");
    t.from = FindingStatus::AwaitingVerification;
    t.to = FindingStatus::Closed;
    t.actor = QStringLiteral("张三");
    t.at = beijing(9, 15, 123);
    t.note = QStringLiteral("照账验收，换届材料齐全。");
    t.evidencePhotoIds = {QStringLiteral("p-1"), QStringLiteral("p-2")};
    return t;
}

Interview interview() {
    Interview i;
    i.id = QStringLiteral("iv-1");
    i.visitId = QStringLiteral("v-1");
    i.interviewee = QStringLiteral("赵六");
    i.role = QStringLiteral("支部书记");
    i.at = beijing(10, 30, 7);
    i.place = QStringLiteral("三楼会议室");
    i.content = QStringLiteral("介绍了支部组织生活开展情况。");
    i.linkedFindingIds = {QStringLiteral("f-1")};
    return i;
}

Photo photo() {
    Photo p;
    p.id = QStringLiteral("p-1");
    p.recordId = QStringLiteral("f-1");
    p.caption = QStringLiteral("会议记录本");
    p.takenAt = beijing(11, 0, 999);
    p.location = somewhere();
    p.mimeType = QStringLiteral("image/jpeg");
    p.width = 4032;
    p.height = 3024;
    p.orientation = 6;
    p.blobId =
        QByteArrayLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    p.thumbnailBlobId =
        QByteArrayLiteral("60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752");
    p.byteSize = 5'123'456'789LL; // past 32 bits on purpose
    return p;
}

template<typename T> T roundTrip(const T &original) {
    T copy;
    fromFields(toFields(original), copy);
    copy.id = original.id; // ids travel beside the map, not in it
    return copy;
}

QStringList sortedKeys(const QCborMap &m) {
    QStringList keys;
    for (auto it = m.begin(); it != m.end(); ++it)
        keys.append(it.key().toString());
    keys.sort();
    return keys;
}

QStringList sorted(QStringList l) {
    l.sort();
    return l;
}

// A map whose every value has the wrong type for its key.
QCborMap wrongTypes(const QCborMap &correct) {
    QCborMap m;
    for (auto it = correct.begin(); it != correct.end(); ++it) {
        const QCborValue &v = it.value();
        if (v.isString())
            m.insert(it.key(), 42);
        else
            m.insert(it.key(), QStringLiteral("not this type"));
    }
    return m;
}

} // namespace

class TestEntities : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void levelWireNames() {
        QCOMPARE(toString(Level::PartyGroup), QStringLiteral("party_group"));
        QCOMPARE(toString(Level::OrganCommittee), QStringLiteral("organ_committee"));
        QCOMPARE(toString(Level::Grassroots), QStringLiteral("grassroots"));
        for (Level l : {Level::PartyGroup, Level::OrganCommittee, Level::Grassroots})
            QCOMPARE(levelFromString(toString(l)), std::optional<Level>(l));
    }

    void findingStatusWireNames() {
        QCOMPARE(toString(FindingStatus::Open), QStringLiteral("open"));
        QCOMPARE(toString(FindingStatus::Rectifying), QStringLiteral("rectifying"));
        QCOMPARE(toString(FindingStatus::AwaitingVerification),
                 QStringLiteral("awaiting_verification"));
        QCOMPARE(toString(FindingStatus::Closed), QStringLiteral("closed"));
        for (FindingStatus s : {FindingStatus::Open, FindingStatus::Rectifying,
                                FindingStatus::AwaitingVerification, FindingStatus::Closed})
            QCOMPARE(findingStatusFromString(toString(s)), std::optional<FindingStatus>(s));
    }

    void severityWireNames() {
        QCOMPARE(toString(Severity::Minor), QStringLiteral("minor"));
        QCOMPARE(toString(Severity::Moderate), QStringLiteral("moderate"));
        QCOMPARE(toString(Severity::Serious), QStringLiteral("serious"));
        for (Severity s : {Severity::Minor, Severity::Moderate, Severity::Serious})
            QCOMPARE(severityFromString(toString(s)), std::optional<Severity>(s));
    }

    void visitStatusWireNames() {
        QCOMPARE(toString(VisitStatus::Planned), QStringLiteral("planned"));
        QCOMPARE(toString(VisitStatus::InProgress), QStringLiteral("in_progress"));
        QCOMPARE(toString(VisitStatus::Completed), QStringLiteral("completed"));
        for (VisitStatus s :
             {VisitStatus::Planned, VisitStatus::InProgress, VisitStatus::Completed})
            QCOMPARE(visitStatusFromString(toString(s)), std::optional<VisitStatus>(s));
    }

    void unknownWireNamesGiveNothing() {
        QVERIFY(!levelFromString(u"party-group"));
        QVERIFY(!levelFromString(u"Grassroots")); // names are case-sensitive
        QVERIFY(!levelFromString(u""));
        QVERIFY(!findingStatusFromString(u"done"));
        QVERIFY(!findingStatusFromString(u"awaiting verification"));
        QVERIFY(!severityFromString(u"critical"));
        QVERIFY(!visitStatusFromString(u"cancelled"));
    }

    void campaignRoundTrips() { QCOMPARE(roundTrip(campaign()), campaign()); }
    void checklistItemRoundTrips() { QCOMPARE(roundTrip(checklistItem()), checklistItem()); }
    void unitRoundTrips() { QCOMPARE(roundTrip(unit()), unit()); }
    void visitRoundTrips() { QCOMPARE(roundTrip(visit()), visit()); }
    void findingRoundTrips() { QCOMPARE(roundTrip(finding()), finding()); }
    void transitionRoundTrips() { QCOMPARE(roundTrip(transition()), transition()); }
    void interviewRoundTrips() { QCOMPARE(roundTrip(interview()), interview()); }
    void photoRoundTrips() { QCOMPARE(roundTrip(photo()), photo()); }

    void defaultEntitiesRoundTrip() {
        QCOMPARE(roundTrip(Campaign{}), Campaign{});
        QCOMPARE(roundTrip(ChecklistItem{}), ChecklistItem{});
        QCOMPARE(roundTrip(Unit{}), Unit{});
        QCOMPARE(roundTrip(Visit{}), Visit{});
        QCOMPARE(roundTrip(Finding{}), Finding{});
        QCOMPARE(roundTrip(Transition{}), Transition{});
        QCOMPARE(roundTrip(Interview{}), Interview{});
        QCOMPARE(roundTrip(Photo{}), Photo{});
    }

    void roundTripSurvivesCborEncoding() {
        const QByteArray bytes = toFields(finding()).toCborValue().toCbor();
        Finding copy;
        fromFields(QCborValue::fromCbor(bytes).toMap(), copy);
        copy.id = finding().id;
        QCOMPARE(copy, finding());
    }

    // The keys are the sync wire format: a rename here breaks every device in the field.
    void keysAreStableSnakeCaseNames() {
        QCOMPARE(sortedKeys(toFields(campaign())),
                 sorted({"name", "start_date", "end_date", "base_scores"}));
        QCOMPARE(sortedKeys(toFields(checklistItem())),
                 sorted({"campaign_id", "level", "code", "text", "category", "max_deduction"}));
        QCOMPARE(sortedKeys(toFields(unit())), sorted({"campaign_id", "name", "contact"}));
        QCOMPARE(sortedKeys(toFields(visit())),
                 sorted({"campaign_id", "unit_id", "date", "team", "status"}));
        QCOMPARE(sortedKeys(toFields(finding())),
                 sorted({"visit_id", "checklist_item_id", "level", "category", "severity",
                         "deduction", "title", "description", "location", "responsible_party",
                         "due_date", "status"}));
        QCOMPARE(sortedKeys(toFields(transition())),
                 sorted({"finding_id", "from", "to", "actor", "at", "note", "evidence_photo_ids"}));
        QCOMPARE(sortedKeys(toFields(interview())),
                 sorted({"visit_id", "interviewee", "role", "at", "place", "content",
                         "linked_finding_ids"}));
        QCOMPARE(sortedKeys(toFields(photo())),
                 sorted({"record_id", "caption", "taken_at", "location", "mime_type", "width",
                         "height", "orientation", "blob_id", "thumbnail_blob_id", "byte_size"}));
    }

    void idIsNotInTheMap() {
        QVERIFY(!toFields(campaign()).contains(QLatin1String("id")));
        QVERIFY(!toFields(finding()).contains(QLatin1String("id")));
        QVERIFY(!toFields(photo()).contains(QLatin1String("id")));
    }

    void absentOptionalValuesHaveNoKey() {
        Finding f = finding();
        f.location.reset();
        f.dueDate = QDate();
        const QCborMap m = toFields(f);
        QVERIFY(!m.contains(QLatin1String("location")));
        QVERIFY(!m.contains(QLatin1String("due_date")));

        const QCborMap t = toFields(Transition{});
        QVERIFY(!t.contains(QLatin1String("at")));
        const QCborMap p = toFields(Photo{});
        QVERIFY(!p.contains(QLatin1String("taken_at")));
        QVERIFY(!p.contains(QLatin1String("location")));
        const QCborMap c = toFields(Campaign{});
        QVERIFY(!c.contains(QLatin1String("start_date")));
        QVERIFY(!c.contains(QLatin1String("end_date")));
    }

    void valuesHaveTheirWireTypes() {
        const QCborMap f = toFields(finding());
        QCOMPARE(f.value(QLatin1String("due_date")).toString(), QStringLiteral("2026-05-31"));
        QCOMPARE(f.value(QLatin1String("level")).toString(), QStringLiteral("grassroots"));
        QCOMPARE(f.value(QLatin1String("severity")).toString(), QStringLiteral("serious"));
        QCOMPARE(f.value(QLatin1String("status")).toString(),
                 QStringLiteral("awaiting_verification"));
        QVERIFY(f.value(QLatin1String("deduction")).isDouble());

        const QCborMap location = f.value(QLatin1String("location")).toMap();
        QCOMPARE(sortedKeys(location), sorted({"lat", "lon", "alt", "acc"}));
        QCOMPARE(location.value(QLatin1String("lat")).toDouble(), 39.9042);
        QCOMPARE(location.value(QLatin1String("lon")).toDouble(), 116.4074);
        QCOMPARE(location.value(QLatin1String("alt")).toDouble(), 43.5);
        QCOMPARE(location.value(QLatin1String("acc")).toDouble(), 4.2);

        // Whole numbers stay doubles, so readers never see a score change type.
        ChecklistItem item = checklistItem();
        item.maxDeduction = 5;
        QVERIFY(toFields(item).value(QLatin1String("max_deduction")).isDouble());

        const QCborValue scores = toFields(campaign()).value(QLatin1String("base_scores"));
        QVERIFY(scores.isArray());
        QCOMPARE(scores.toArray().size(), 3);
        QVERIFY(scores.toArray().at(0).isDouble());
        QCOMPARE(scores.toArray().at(1).toDouble(), 30.5);

        const QCborValue team = toFields(visit()).value(QLatin1String("team"));
        QVERIFY(team.isArray());
        QCOMPARE(team.toArray().at(1).toString(), QStringLiteral("李四"));

        const QCborMap p = toFields(photo());
        QVERIFY(p.value(QLatin1String("width")).isInteger());
        QCOMPARE(p.value(QLatin1String("byte_size")).toInteger(), 5'123'456'789LL);
        QCOMPARE(
            p.value(QLatin1String("blob_id")).toString(),
            QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
    }

    void dateTimesAreUtcIsoWithMilliseconds() {
        // 09:15:00.123 in Beijing is 01:15:00.123 UTC.
        QCOMPARE(toFields(transition()).value(QLatin1String("at")).toString(),
                 QStringLiteral("2026-03-05T01:15:00.123Z"));
        QCOMPARE(toFields(interview()).value(QLatin1String("at")).toString(),
                 QStringLiteral("2026-03-05T02:30:00.007Z"));
        QCOMPARE(toFields(photo()).value(QLatin1String("taken_at")).toString(),
                 QStringLiteral("2026-03-05T03:00:00.999Z"));

        Transition t;
        fromFields(toFields(transition()), t);
        QCOMPARE(t.at.timeSpec(), Qt::UTC);
        QCOMPARE(t.at.time().msec(), 123);
    }

    void missingKeysKeepDefaults() {
        Finding f;
        fromFields(QCborMap{}, f);
        QCOMPARE(f, Finding{});

        // A record assembled field by field: each map carries one key and sets one field.
        Finding built = finding();
        fromFields(QCborMap{{QLatin1String("title"), QStringLiteral("新标题")}}, built);
        Finding expected = finding();
        expected.title = QStringLiteral("新标题");
        QCOMPARE(built, expected);

        Campaign c = campaign();
        fromFields(QCborMap{}, c);
        QCOMPARE(c, campaign());
        Photo p = photo();
        fromFields(QCborMap{}, p);
        QCOMPARE(p, photo());
    }

    void wrongTypesAreIgnored() {
        Campaign c = campaign();
        fromFields(wrongTypes(toFields(campaign())), c);
        QCOMPARE(c, campaign());

        ChecklistItem i = checklistItem();
        fromFields(wrongTypes(toFields(checklistItem())), i);
        QCOMPARE(i, checklistItem());

        Unit u = unit();
        fromFields(wrongTypes(toFields(unit())), u);
        QCOMPARE(u, unit());

        Visit v = visit();
        fromFields(wrongTypes(toFields(visit())), v);
        QCOMPARE(v, visit());

        Finding f = finding();
        fromFields(wrongTypes(toFields(finding())), f);
        QCOMPARE(f, finding());

        Transition t = transition();
        fromFields(wrongTypes(toFields(transition())), t);
        QCOMPARE(t, transition());

        Interview iv = interview();
        fromFields(wrongTypes(toFields(interview())), iv);
        QCOMPARE(iv, interview());

        Photo p = photo();
        fromFields(wrongTypes(toFields(photo())), p);
        QCOMPARE(p, photo());
    }

    void malformedValuesAreIgnored() {
        Finding f = finding();
        fromFields(QCborMap{{QLatin1String("level"), QStringLiteral("Grassroots")},
                            {QLatin1String("severity"), QStringLiteral("critical")},
                            {QLatin1String("status"), QStringLiteral("done")},
                            {QLatin1String("due_date"), QStringLiteral("31/05/2026")},
                            {QLatin1String("location"), QCborMap{{QLatin1String("alt"), 1.0}}}},
                   f);
        QCOMPARE(f, finding());

        Campaign c = campaign();
        fromFields(QCborMap{{QLatin1String("base_scores"), QCborArray{50.0, 50.0}},
                            {QLatin1String("end_date"), QStringLiteral("yesterday")}},
                   c);
        QCOMPARE(c, campaign());
        fromFields(
            QCborMap{{QLatin1String("base_scores"), QCborArray{50.0, QStringLiteral("x"), 50.0}}},
            c);
        QCOMPARE(c, campaign());

        Visit v = visit();
        fromFields(QCborMap{{QLatin1String("team"), QCborArray{QStringLiteral("王五"), 7}}}, v);
        QCOMPARE(v, visit());

        Transition t = transition();
        fromFields(QCborMap{{QLatin1String("at"), QStringLiteral("soon")}}, t);
        QCOMPARE(t, transition());

        Photo p = photo();
        fromFields(QCborMap{{QLatin1String("width"), qint64(1) << 40}}, p);
        QCOMPARE(p, photo());
    }

    void integersAreAcceptedWhereDoublesAreExpected() {
        ChecklistItem i;
        fromFields(QCborMap{{QLatin1String("max_deduction"), 5}}, i);
        QCOMPARE(i.maxDeduction, 5.0);

        Campaign c;
        fromFields(QCborMap{{QLatin1String("base_scores"), QCborArray{50, 30, 20}}}, c);
        QCOMPARE(c.baseScore[0], 50.0);
        QCOMPARE(c.baseScore[1], 30.0);
        QCOMPARE(c.baseScore[2], 20.0);
    }

    void locationWithoutAltitudeOrAccuracyReadsAsZero() {
        Finding f;
        fromFields(QCborMap{{QLatin1String("location"),
                             QCborMap{{QLatin1String("lat"), 30.5}, {QLatin1String("lon"), 114}}}},
                   f);
        QVERIFY(f.location.has_value());
        QCOMPARE(*f.location, (GeoPosition{30.5, 114, 0, 0}));
    }

    // Null is how a cleared optional field travels; it must clear, not be ignored.
    void nullClearsOptionalValues() {
        Finding f = finding();
        fromFields(QCborMap{{QLatin1String("location"), QCborValue(nullptr)},
                            {QLatin1String("due_date"), QCborValue(nullptr)}},
                   f);
        QVERIFY(!f.location.has_value());
        QVERIFY(f.dueDate.isNull());

        Photo p = photo();
        fromFields(QCborMap{{QLatin1String("taken_at"), QCborValue(nullptr)}}, p);
        QVERIFY(!p.takenAt.isValid());
    }
};

QTEST_GUILESS_MAIN(TestEntities)
#include "tst_entities.moc"
