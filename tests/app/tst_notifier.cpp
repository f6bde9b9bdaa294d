// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// DesktopNotifier against a listener the test registers as org.freedesktop.Notifications on a
// private session bus (ctest runs it under dbus-run-session): a notice per new alert while the
// window is not active, with the alert's words and its urgency; nothing while the window is active
// and nothing for a silenced campus; during an outage run one notice per wave, not one per
// instance, leaving out what was acknowledged meanwhile.
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include "app/monitoring/desktopnotifier.h"
#include "app/monitoring/monitoringcontroller.h"

using namespace kumo;

namespace {

struct Notice
{
    QString app;
    QString summary;
    QString body;
    int urgency = -1;
};

// The freedesktop notification service as far as the test needs it: it records every Notify.
class NotificationListener : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    QList<Notice> notices;

public Q_SLOTS:
    uint Notify(const QString& appName, uint replacesId, const QString& appIcon, const QString& summary,
                const QString& body, const QStringList& actions, const QVariantMap& hints, int expireTimeout)
    {
        Q_UNUSED(replacesId)
        Q_UNUSED(appIcon)
        Q_UNUSED(actions)
        Q_UNUSED(expireTimeout)
        notices.append({appName, summary, body, hints.value(QStringLiteral("urgency"), -1).toInt()});
        return uint(notices.size());
    }
    QStringList GetCapabilities() { return {QStringLiteral("body")}; }
};

AlertSubject instance(const QString& site, const QString& name)
{
    AlertSubject subject;
    subject.site = site;
    subject.node = site + QStringLiteral("-01");
    subject.instance = QStringLiteral("uuid-") + name;
    subject.name = name;
    return subject;
}

} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { m_listener.notices.clear(); }

    void noticeWhenTheWindowIsNotActive();
    void nothingWhileActiveOrSilenced();
    void oneNoticePerWaveDuringAnOutageRun();

private:
    // Waits for `count` notices, then a little longer to see that no more come.
    void expectNotices(int count);

    NotificationListener m_listener;
    QDBusConnection m_bus{QString()};
};

void TestNotifier::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
             "run under dbus-run-session (ctest does)");
    // A connection of its own, as a notification daemon would have.
    m_bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("listener"));
    QVERIFY(m_bus.isConnected());
    QVERIFY(m_bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &m_listener,
                                 QDBusConnection::ExportAllSlots));
    QVERIFY(m_bus.registerService(QStringLiteral("org.freedesktop.Notifications")));
    QVERIFY(QDBusConnection::sessionBus().interface()->isServiceRegistered(
        QStringLiteral("org.freedesktop.Notifications")));
}

void TestNotifier::expectNotices(int count)
{
    QTRY_COMPARE_WITH_TIMEOUT(m_listener.notices.size(), count, 10000);
    QTest::qWait(300);
    QCOMPARE(m_listener.notices.size(), count);
}

void TestNotifier::noticeWhenTheWindowIsNotActive()
{
    MonitoringController monitoring;
    DesktopNotifier notifier(&monitoring);
    notifier.setWindowActive(false);
    AlertRule crash = monitoring.engine().rule(AlertKind::InstanceCrashed);
    crash.severity = AlertSeverity::Critical;
    monitoring.engine().setRule(crash);
    AlertRule watchdog = monitoring.engine().rule(AlertKind::InstanceWatchdog);
    watchdog.severity = AlertSeverity::Warning;
    monitoring.engine().setRule(watchdog);

    monitoring.engine().event(AlertKind::InstanceCrashed,
                              instance(QStringLiteral("myodaiji"), QStringLiteral("web1")),
                              QStringLiteral("guest panicked"), monitoring.nowMs());
    expectNotices(1);
    const Notice& crashed = m_listener.notices.constFirst();
    QCOMPARE(crashed.app, QStringLiteral("Kumo"));
    QCOMPARE(crashed.summary, QStringLiteral("Instance crashed"));
    QCOMPARE(crashed.body, QStringLiteral("web1 crashed: guest panicked"));
    QCOMPARE(crashed.urgency, 2);

    monitoring.engine().event(AlertKind::InstanceWatchdog,
                              instance(QStringLiteral("myodaiji"), QStringLiteral("db1")), {},
                              monitoring.nowMs());
    expectNotices(2);
    QCOMPARE(m_listener.notices.at(1).summary, QStringLiteral("Watchdog fired"));
    QCOMPARE(m_listener.notices.at(1).body, QStringLiteral("The watchdog of db1 fired"));
    QCOMPARE(m_listener.notices.at(1).urgency, 1);
    QCOMPARE(notifier.sentCount(), 2);
}

void TestNotifier::nothingWhileActiveOrSilenced()
{
    MonitoringController monitoring;
    DesktopNotifier notifier(&monitoring);
    notifier.setWindowActive(true);
    monitoring.engine().event(AlertKind::InstanceCrashed,
                              instance(QStringLiteral("myodaiji"), QStringLiteral("web1")), {},
                              monitoring.nowMs());
    notifier.setWindowActive(false);
    monitoring.setSiteSilenced(QStringLiteral("yamate"), true);
    monitoring.engine().event(AlertKind::InstanceCrashed,
                              instance(QStringLiteral("yamate"), QStringLiteral("web2")), {},
                              monitoring.nowMs());
    // The one that counts: its campus is not silenced and the window is not active.
    monitoring.engine().event(AlertKind::InstanceCrashed,
                              instance(QStringLiteral("myodaiji"), QStringLiteral("web3")), {},
                              monitoring.nowMs());
    expectNotices(1);
    QVERIFY(m_listener.notices.constFirst().body.startsWith(QStringLiteral("web3 crashed")));
}

void TestNotifier::oneNoticePerWaveDuringAnOutageRun()
{
    MonitoringController monitoring;
    DesktopNotifier notifier(&monitoring);
    notifier.setWindowActive(false);
    notifier.setWaveMs(400);
    AlertRule failed = monitoring.engine().rule(AlertKind::MigrationFailed);
    failed.severity = AlertSeverity::Critical;
    monitoring.engine().setRule(failed);
    notifier.setGrouping(QStringLiteral("Evacuation of Myodaiji"));

    // First wave: seven instances fail to move, one of them is acknowledged before the wave ends.
    QList<quint64> ids;
    for (int i = 1; i <= 7; ++i) {
        monitoring.engine().event(AlertKind::MigrationFailed,
                                  instance(QStringLiteral("myodaiji"), QStringLiteral("vm%1").arg(i)),
                                  QStringLiteral("timeout"), monitoring.nowMs());
        ids.append(monitoring.activeAlerts().constLast().id);
    }
    monitoring.acknowledge(ids.constLast());
    expectNotices(1);
    const Notice& wave = m_listener.notices.constFirst();
    QCOMPARE(wave.summary, QStringLiteral("Evacuation of Myodaiji: 6 alerts (6 critical)"));
    QCOMPARE(wave.body, QStringLiteral("Migration failed — ") +
                            QLocale().createSeparatedList({QStringLiteral("vm1"), QStringLiteral("vm2"),
                                                           QStringLiteral("vm3"), QStringLiteral("vm4"),
                                                           QStringLiteral("vm5"), QStringLiteral("1 more")}));
    QCOMPARE(wave.urgency, 2);

    // Second wave: two more, sent when the run ends even before the wave's time is up.
    notifier.setWaveMs(60000);
    monitoring.engine().event(AlertKind::InstanceCrashed,
                              instance(QStringLiteral("yamate"), QStringLiteral("mail")), {},
                              monitoring.nowMs());
    monitoring.engine().event(AlertKind::MigrationFailed,
                              instance(QStringLiteral("myodaiji"), QStringLiteral("ldap")),
                              QStringLiteral("timeout"), monitoring.nowMs());
    QTest::qWait(300);
    QCOMPARE(m_listener.notices.size(), 1);
    notifier.setGrouping({});
    expectNotices(2);
    QVERIFY2(m_listener.notices.at(1).summary.startsWith(QStringLiteral("Evacuation of Myodaiji: 2 alerts")),
             qPrintable(m_listener.notices.at(1).summary));
    QVERIFY(m_listener.notices.at(1).body.contains(QStringLiteral("mail")));
    QVERIFY(m_listener.notices.at(1).body.contains(QStringLiteral("ldap")));

    // After the run: one notice per alert again.
    monitoring.engine().event(AlertKind::InstanceCrashed,
                              instance(QStringLiteral("yamate"), QStringLiteral("dns")), {},
                              monitoring.nowMs());
    expectNotices(3);
    QCOMPARE(m_listener.notices.at(2).body, QStringLiteral("dns crashed"));
}

QTEST_GUILESS_MAIN(TestNotifier)
#include "tst_notifier.moc"
