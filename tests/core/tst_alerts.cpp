// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// AlertEngine: thresholds, "sustained for", hysteresis, per-node and per-instance overrides,
// events, acknowledge and silence, with times given by the test (no clock, no waiting).
#include <QTest>

#include "core/alerts.h"

using namespace kumo;

namespace {

constexpr qint64 Second = 1000;

AlertSubject node(const QString& name, const QString& site = QStringLiteral("myodaiji"))
{
    AlertSubject subject;
    subject.site = site;
    subject.node = name;
    return subject;
}

AlertSubject instance(const QString& uuid, const QString& nodeName = QStringLiteral("myodaiji-01"),
                      const QString& site = QStringLiteral("myodaiji"))
{
    AlertSubject subject = node(nodeName, site);
    subject.instance = uuid;
    subject.name = QStringLiteral("name-of-") + uuid;
    return subject;
}

// What the engine told, in order: "+id", "~id", "-id".
struct Recorder
{
    QStringList told;
    Alert lastCleared;
    explicit Recorder(AlertEngine& engine)
    {
        engine.onRaised = [this](const Alert& a) { told.append(QStringLiteral("+%1").arg(a.id)); };
        engine.onChanged = [this](const Alert& a) { told.append(QStringLiteral("~%1").arg(a.id)); };
        engine.onCleared = [this](const Alert& a) {
            told.append(QStringLiteral("-%1").arg(a.id));
            lastCleared = a;
        };
    }
};

} // namespace

class TestAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreThePeersRules()
    {
        const AlertEngine engine;
        const AlertRule unreachable = engine.rule(AlertKind::NodeUnreachable);
        QVERIFY(unreachable.enabled);
        QCOMPARE(unreachable.sustainMs, 30 * Second);
        QCOMPARE(unreachable.severity, AlertSeverity::Critical);
        const AlertRule memory = engine.rule(AlertKind::NodeMemoryLow);
        QVERIFY(memory.below);
        QCOMPARE(memory.raiseAt, 10.0);
        const AlertRule cpu = engine.rule(AlertKind::HostCpuHigh);
        QCOMPARE(cpu.raiseAt, 95.0);
        QCOMPARE(cpu.sustainMs, 300 * Second);
        QCOMPARE(engine.rule(AlertKind::StoragePoolLow).raiseAt, 10.0);
        QCOMPARE(engine.rule(AlertKind::ProbeFailing).raiseAt, 3.0);
        for (AlertKind kind : {AlertKind::InstanceCrashed, AlertKind::InstanceIoError,
                               AlertKind::InstanceWatchdog, AlertKind::MigrationFailed})
            QVERIFY(engine.rule(kind).event);
        QVERIFY(!engine.rule(AlertKind::SplitBrain).event);
        QCOMPARE(engine.rule(AlertKind::SplitBrain).sustainMs, qint64(0));
        // A kind without a rule is off.
        const AlertEngine none(QList<AlertRule>{});
        QVERIFY(!none.rule(AlertKind::SplitBrain).enabled);
    }

    void raisedOnlyAfterTheSustainTime()
    {
        AlertEngine engine;
        Recorder recorder(engine);
        const AlertSubject n = node(QStringLiteral("yamate-01"));
        engine.observe(AlertKind::NodeUnreachable, n, 1, 0);
        engine.observe(AlertKind::NodeUnreachable, n, 1, 29 * Second);
        QVERIFY(engine.active().isEmpty());
        // A break starts the time again.
        engine.observe(AlertKind::NodeUnreachable, n, 0, 29'500);
        engine.observe(AlertKind::NodeUnreachable, n, 1, 30 * Second);
        engine.observe(AlertKind::NodeUnreachable, n, 1, 59 * Second);
        QVERIFY(engine.active().isEmpty());
        engine.observe(AlertKind::NodeUnreachable, n, 1, 60 * Second);
        QCOMPARE(engine.active().size(), 1);
        const Alert alert = engine.active().constFirst();
        QCOMPARE(alert.kind, AlertKind::NodeUnreachable);
        QCOMPARE(alert.subject.node, QStringLiteral("yamate-01"));
        QCOMPARE(alert.sinceMs, 60 * Second);
        QCOMPARE(alert.severity, AlertSeverity::Critical);
        // Still down: the same alert, not another.
        engine.observe(AlertKind::NodeUnreachable, n, 1, 90 * Second);
        QCOMPARE(engine.active().size(), 1);
        engine.observe(AlertKind::NodeUnreachable, n, 0, 91 * Second);
        QVERIFY(engine.active().isEmpty());
        QCOMPARE(recorder.told, (QStringList{QStringLiteral("+1"), QStringLiteral("-1")}));
    }

    void hysteresisHoldsBetweenRaiseAndClear()
    {
        AlertEngine engine;
        AlertRule memory = engine.rule(AlertKind::NodeMemoryLow);
        memory.sustainMs = 0;
        engine.setRule(memory);
        Recorder recorder(engine);
        const AlertSubject n = node(QStringLiteral("myodaiji-02"));
        engine.observe(AlertKind::NodeMemoryLow, n, 11, 0);
        QVERIFY(engine.active().isEmpty());
        engine.observe(AlertKind::NodeMemoryLow, n, 10, 1);
        QCOMPARE(engine.active().size(), 1);
        // Between 10 and 15 % free it neither clears nor raises again; the value follows.
        engine.observe(AlertKind::NodeMemoryLow, n, 14, 2);
        engine.observe(AlertKind::NodeMemoryLow, n, 15, 3);
        QCOMPARE(engine.active().size(), 1);
        QCOMPARE(engine.active().constFirst().value, 15.0);
        engine.observe(AlertKind::NodeMemoryLow, n, 15.5, 4);
        QVERIFY(engine.active().isEmpty());
        QCOMPARE(recorder.told, (QStringList{QStringLiteral("+1"), QStringLiteral("~1"), QStringLiteral("~1"),
                                             QStringLiteral("-1")}));
        // Rising rules: CPU 95 % for five minutes, cleared under 90 %.
        const AlertSubject m = node(QStringLiteral("myodaiji-01"));
        engine.observe(AlertKind::HostCpuHigh, m, 96, 0);
        engine.observe(AlertKind::HostCpuHigh, m, 99, 299 * Second);
        QVERIFY(engine.active().isEmpty());
        engine.observe(AlertKind::HostCpuHigh, m, 95, 300 * Second);
        QCOMPARE(engine.active().size(), 1);
        engine.observe(AlertKind::HostCpuHigh, m, 90, 301 * Second);
        QCOMPARE(engine.active().size(), 1);
        engine.observe(AlertKind::HostCpuHigh, m, 89.9, 302 * Second);
        QVERIFY(engine.active().isEmpty());
    }

    void itemsOfOneKindAreApart()
    {
        AlertEngine engine;
        AlertSubject pool = node(QStringLiteral("yamate-02"));
        pool.item = QStringLiteral("default");
        AlertSubject images = pool;
        images.item = QStringLiteral("images");
        engine.observe(AlertKind::StoragePoolLow, pool, 5, 0);
        engine.observe(AlertKind::StoragePoolLow, images, 50, 0);
        QCOMPARE(engine.active().size(), 1);
        QCOMPARE(engine.active().constFirst().subject.item, QStringLiteral("default"));
        engine.observe(AlertKind::StoragePoolLow, images, 8, 1);
        QCOMPARE(engine.active().size(), 2);
    }

    void overridesPerNodeAndInstance()
    {
        AlertEngine engine;
        const QString uuid = QStringLiteral("0b6a3c1e-8f55-4a8e-9d3c-2f1d2a7c9e01");
        // Probes of this node's instances may fail 5 times; this one instance's only once; an
        // instance of another node keeps the default 3.
        AlertOverride lenient;
        lenient.raiseAt = 5;
        engine.setOverride(QStringLiteral("myodaiji-01"), {}, AlertKind::ProbeFailing, lenient);
        AlertOverride strict;
        strict.raiseAt = 1;
        engine.setOverride(QStringLiteral("myodaiji-01"), uuid, AlertKind::ProbeFailing, strict);
        QCOMPARE(engine.effectiveRule(AlertKind::ProbeFailing, instance(QStringLiteral("other"))).raiseAt,
                 5.0);
        QCOMPARE(engine.effectiveRule(AlertKind::ProbeFailing, instance(uuid)).raiseAt, 1.0);
        QCOMPARE(engine
                     .effectiveRule(AlertKind::ProbeFailing,
                                    instance(QStringLiteral("far"), QStringLiteral("yamate-01")))
                     .raiseAt,
                 3.0);
        engine.observe(AlertKind::ProbeFailing, instance(QStringLiteral("other")), 4, 0);
        engine.observe(AlertKind::ProbeFailing, instance(uuid), 1, 0);
        engine.observe(AlertKind::ProbeFailing, instance(QStringLiteral("far"), QStringLiteral("yamate-01")),
                       3, 0);
        const QList<Alert> alerts = engine.active();
        QCOMPARE(alerts.size(), 2);
        QCOMPARE(alerts.at(0).subject.instance, uuid);
        QCOMPARE(alerts.at(1).subject.instance, QStringLiteral("far"));
        // A rule turned off for a node clears what it raised there.
        AlertOverride off;
        off.enabled = false;
        engine.setOverride(QStringLiteral("yamate-01"), {}, AlertKind::ProbeFailing, off);
        engine.observe(AlertKind::ProbeFailing, instance(QStringLiteral("far"), QStringLiteral("yamate-01")),
                       9, 1);
        QCOMPARE(engine.active().size(), 1);
        engine.clearOverrides();
        QCOMPARE(engine.effectiveRule(AlertKind::ProbeFailing, instance(uuid)).raiseAt, 3.0);
    }

    void eventsRaiseAtOnceAndAcknowledgingClearsThem()
    {
        AlertEngine engine;
        Recorder recorder(engine);
        const AlertSubject mail = instance(QStringLiteral("mail"));
        engine.event(AlertKind::InstanceCrashed, mail, QStringLiteral("crashed: panicked"), 5);
        QCOMPARE(engine.active().size(), 1);
        Alert alert = engine.active().constFirst();
        QCOMPARE(alert.detail, QStringLiteral("crashed: panicked"));
        QCOMPARE(alert.sinceMs, qint64(5));
        // Levels given for an event kind are not events.
        engine.observe(AlertKind::InstanceCrashed, mail, 1, 6);
        QCOMPARE(engine.active().size(), 1);
        // Again while raised: one alert, the latest words.
        engine.event(AlertKind::InstanceCrashed, mail, QStringLiteral("crashed again"), 7);
        QCOMPARE(engine.active().size(), 1);
        QCOMPARE(engine.active().constFirst().detail, QStringLiteral("crashed again"));
        QVERIFY(engine.acknowledge(alert.id));
        QVERIFY(engine.active().isEmpty());
        // Cleared by a person, and told so.
        QCOMPARE(recorder.lastCleared.id, alert.id);
        QVERIFY(recorder.lastCleared.acknowledged);
        QVERIFY(!engine.acknowledge(alert.id));
        // A new crash is a new alert; the instance running again resolves it.
        engine.event(AlertKind::InstanceCrashed, mail, QStringLiteral("crashed"), 8);
        QCOMPARE(engine.active().size(), 1);
        engine.resolve(AlertKind::InstanceCrashed, mail);
        QVERIFY(engine.active().isEmpty());
        QVERIFY(!recorder.lastCleared.acknowledged);
        QCOMPARE(recorder.told, (QStringList{QStringLiteral("+1"), QStringLiteral("~1"), QStringLiteral("-1"),
                                             QStringLiteral("+2"), QStringLiteral("-2")}));
        // Migrations fail per instance: two instances, two alerts.
        engine.event(AlertKind::MigrationFailed, mail, QStringLiteral("refused"), 9);
        engine.event(AlertKind::MigrationFailed, instance(QStringLiteral("www")), QStringLiteral("refused"),
                     9);
        QCOMPARE(engine.active().size(), 2);
    }

    void acknowledgedLevelStaysUntilItClears()
    {
        AlertEngine engine;
        const AlertSubject mail = instance(QStringLiteral("mail"));
        engine.observe(AlertKind::SplitBrain, mail, 1, 0);
        QCOMPARE(engine.unattendedCount(), 1);
        QCOMPARE(engine.unattendedCount(AlertSeverity::Critical), 1);
        QCOMPARE(engine.unattendedCount(AlertSeverity::Warning), 0);
        const quint64 id = engine.active().constFirst().id;
        QVERIFY(engine.acknowledge(id));
        QCOMPARE(engine.active().size(), 1);
        QVERIFY(engine.alert(id)->acknowledged);
        QCOMPARE(engine.unattendedCount(), 0);
        engine.observe(AlertKind::SplitBrain, mail, 1, 1);
        QVERIFY(engine.alert(id)->acknowledged);
        engine.observe(AlertKind::SplitBrain, mail, 0, 2);
        QVERIFY(!engine.alert(id));
        // Raised again after it cleared: a new alert that wants a person.
        engine.observe(AlertKind::SplitBrain, mail, 1, 3);
        QCOMPARE(engine.unattendedCount(), 1);
        QVERIFY(engine.active().constFirst().id != id);
    }

    void aCampusInMaintenanceIsSilenced()
    {
        AlertEngine engine;
        Recorder recorder(engine);
        const AlertSubject myodaiji = node(QStringLiteral("myodaiji-01"), QStringLiteral("myodaiji"));
        const AlertSubject yamate = node(QStringLiteral("yamate-01"), QStringLiteral("yamate"));
        engine.observe(AlertKind::ConnectionLost, myodaiji, 1, 0);
        engine.setSiteSilenced(QStringLiteral("myodaiji"), true);
        QVERIFY(engine.isSiteSilenced(QStringLiteral("myodaiji")));
        QVERIFY(engine.active().constFirst().silenced);
        // Raised during the silence: kept, silenced.
        engine.event(AlertKind::InstanceCrashed, instance(QStringLiteral("mail")), QStringLiteral("x"), 1);
        engine.observe(AlertKind::ConnectionLost, yamate, 1, 1);
        const QList<Alert> alerts = engine.active();
        QCOMPARE(alerts.size(), 3);
        QVERIFY(alerts.at(1).silenced);
        QVERIFY(!alerts.at(2).silenced);
        QCOMPARE(engine.unattendedCount(), 1);
        engine.setSiteSilenced(QStringLiteral("myodaiji"), false);
        QCOMPARE(engine.unattendedCount(), 3);
        QCOMPARE(recorder.told,
                 (QStringList{QStringLiteral("+1"), QStringLiteral("~1"), QStringLiteral("+2"),
                              QStringLiteral("+3"), QStringLiteral("~1"), QStringLiteral("~2")}));
    }

    void forgettingASubjectClearsItsAlerts()
    {
        AlertEngine engine;
        engine.observe(AlertKind::ConnectionLost, node(QStringLiteral("myodaiji-01")), 1, 0);
        engine.event(AlertKind::InstanceCrashed, instance(QStringLiteral("mail")), {}, 0);
        engine.event(AlertKind::InstanceCrashed, instance(QStringLiteral("www")), {}, 0);
        engine.observe(AlertKind::ConnectionLost, node(QStringLiteral("yamate-01")), 1, 0);
        // A pending condition goes too: it does not raise later from its old start.
        engine.observe(AlertKind::NodeUnreachable, node(QStringLiteral("myodaiji-01")), 1, 0);
        engine.forget(QStringLiteral("myodaiji-01"), QStringLiteral("mail"));
        QCOMPARE(engine.active().size(), 3);
        engine.forget(QStringLiteral("myodaiji-01"));
        QCOMPARE(engine.active().size(), 1);
        QCOMPARE(engine.active().constFirst().subject.node, QStringLiteral("yamate-01"));
        engine.observe(AlertKind::NodeUnreachable, node(QStringLiteral("myodaiji-01")), 1, 30 * Second);
        QCOMPARE(engine.active().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAlerts)
#include "tst_alerts.moc"
