// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The event log: the bounded store (the oldest go first), the model following it row by row
// (inserted at the end, removed from the front, never a reset), the filters (severity, kind, node,
// instance, free text), CSV export that a strict RFC 4180 reader reads back field for field —
// hostile names with commas, quotes and line breaks included — double-click selecting the
// instance or node, and the recorder writing what a cluster without sessions and a monitoring
// controller tell (only real changes).
//
// Screenshots for docs/: KUMO_SCREENSHOTS=<dir> ./tst_eventlog screenshots
// writes event-log.en.png and event-log.ja.png.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/monitoring/eventlog.h"
#include "app/monitoring/eventrecorder.h"
#include "app/monitoring/monitoringcontroller.h"
#include "ui/clusterselection.h"
#include "ui/monitoring/eventlogdock.h"
#include "ui/monitoring/eventlogfilterproxymodel.h"
#include "ui/monitoring/eventlogmodel.h"

#include "support/testinventory.h"

using namespace kumo;

namespace {

EventEntry entry(EventSeverity severity, EventKind kind, const QString& node, const QString& uuid,
                 const QString& name, const QString& text)
{
    EventEntry e;
    e.severity = severity;
    e.kind = kind;
    e.site = QStringLiteral("myodaiji");
    e.node = node;
    e.instance = uuid;
    e.instanceName = name;
    e.text = text;
    return e;
}

// A strict RFC 4180 reader, written apart from the writer: fields separated by commas, records by
// CRLF; a quoted field may hold commas, CR, LF and doubled quotes. Fails on anything else.
std::optional<QList<QStringList>> parseCsv(const QByteArray& bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    QString field;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (text.at(i) == QLatin1Char('"')) {
            if (!field.isEmpty())
                return std::nullopt;
            ++i;
            while (true) {
                if (i >= n)
                    return std::nullopt; // unterminated
                if (text.at(i) == QLatin1Char('"')) {
                    if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                        field += QLatin1Char('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text.at(i++);
            }
            if (i < n && text.at(i) != QLatin1Char(',') && text.at(i) != QLatin1Char('\r'))
                return std::nullopt;
            continue;
        }
        const QChar c = text.at(i);
        if (c == QLatin1Char(',')) {
            record.append(field);
            field.clear();
            ++i;
        } else if (c == QLatin1Char('\r')) {
            if (i + 1 >= n || text.at(i + 1) != QLatin1Char('\n'))
                return std::nullopt;
            record.append(field);
            field.clear();
            records.append(record);
            record.clear();
            i += 2;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('"')) {
            return std::nullopt; // bare line feed or quote in an unquoted field
        } else {
            field += c;
            ++i;
        }
    }
    if (!field.isEmpty() || !record.isEmpty())
        return std::nullopt; // the last record must end with CRLF
    return records;
}

bool ja(const QString& language)
{
    return language == QLatin1String("ja");
}

} // namespace

class TestEventLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }
    void init() { QVERIFY(language::install(QStringLiteral("en"))); }

    void boundedStoreAndModelIncrements();
    void filters();
    void csvRoundTripOfHostileNames();
    void csvNeutralisesFormulas();
    void exportWritesWhatTheFiltersShow();
    void doubleClickSelects();
    void recorderLogsRealChanges();
    void screenshots();

private:
    QTemporaryDir m_dir;
};

void TestEventLog::boundedStoreAndModelIncrements()
{
    EventLog log(5);
    EventLogModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    for (int i = 1; i <= 8; ++i)
        log.append(entry(EventSeverity::Info, EventKind::Node, QStringLiteral("n1"), {}, {},
                         QStringLiteral("event %1").arg(i)));
    QCOMPARE(log.size(), 5);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(inserted.size(), 8);
    for (const QList<QVariant>& args : std::as_const(inserted))
        QCOMPARE(args.at(1).toInt(), args.at(2).toInt()); // one row each time
    QCOMPARE(removed.size(), 3);
    for (const QList<QVariant>& args : std::as_const(removed)) {
        QCOMPARE(args.at(1).toInt(), 0); // from the front
        QCOMPARE(args.at(2).toInt(), 0);
    }
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.index(0, EventLogModel::TextColumn).data().toString(), QStringLiteral("event 4"));
    QCOMPARE(model.index(4, EventLogModel::TextColumn).data().toString(), QStringLiteral("event 8"));
    QCOMPARE(log.at(0).sequence, quint64(4));
    QVERIFY(log.at(0).time.isValid());

    // The default bound holds at scale, with a model and a filtering proxy following it.
    EventLog big;
    QCOMPARE(big.capacity(), 10000);
    EventLogModel bigModel(&big);
    EventLogFilterProxyModel bigProxy;
    bigProxy.setSourceModel(&bigModel);
    bigProxy.setText(QStringLiteral("#7")); // only the text column can match
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 12000; ++i)
        big.append(entry(EventSeverity::Info, EventKind::Instance, QStringLiteral("n1"), QStringLiteral("u1"),
                         QStringLiteral("vm"), QStringLiteral("#%1").arg(i)));
    qInfo("FIGURE eventlog-append-12000-into-10000-with-filter-ms=%lld", timer.elapsed());
    // Full, it drops the oldest hundredth at once: between 9,901 and 10,000 entries, the newest kept.
    QVERIFY(big.size() <= 10000);
    QVERIFY(big.size() > 9900);
    QCOMPARE(bigModel.rowCount(), big.size());
    QCOMPARE(big.at(0).text, QStringLiteral("#%1").arg(12000 - big.size()));
    QCOMPARE(big.at(big.size() - 1).text, QStringLiteral("#11999"));
    QCOMPARE(bigProxy.rowCount(), 1000); // #7000 to #7999
}

void TestEventLog::filters()
{
    EventLog log;
    EventLogModel model(&log);
    EventLogFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.append(entry(EventSeverity::Info, EventKind::Node, QStringLiteral("myodaiji-01"), {}, {},
                     QStringLiteral("myodaiji-01: Connected")));
    log.append(entry(EventSeverity::Warning, EventKind::Migration, QStringLiteral("myodaiji-01"),
                     QStringLiteral("u-web"), QStringLiteral("web"),
                     QStringLiteral("Migration of web to yamate-01 failed: timeout")));
    log.append(entry(EventSeverity::Critical, EventKind::Instance, QStringLiteral("yamate-01"),
                     QStringLiteral("u-db"), QStringLiteral("db"), QStringLiteral("db: Crashed")));
    log.append(entry(EventSeverity::Info, EventKind::Instance, QStringLiteral("yamate-01"),
                     QStringLiteral("u-web"), QStringLiteral("web"), QStringLiteral("web: Running")));
    QCOMPARE(proxy.rowCount(), 4);
    proxy.setMinimumSeverity(EventSeverity::Warning);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setMinimumSeverity(EventSeverity::Critical);
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setMinimumSeverity(EventSeverity::Info);
    proxy.setKind(EventKind::Instance);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setKind(std::nullopt);
    proxy.setNode(QStringLiteral("myodaiji-01"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setNode({});
    proxy.setInstance(QStringLiteral("u-web"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setInstance(QStringLiteral("WE")); // part of the name, any case
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setInstance({});
    proxy.setText(QStringLiteral("TIMEOUT"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setText(QStringLiteral("yamate-01")); // the node column and the text both count
    QCOMPARE(proxy.rowCount(), 3);
    // Filters combine; new entries are filtered as they come.
    proxy.setKind(EventKind::Instance);
    QCOMPARE(proxy.rowCount(), 2);
    log.append(entry(EventSeverity::Info, EventKind::Instance, QStringLiteral("yamate-01"),
                     QStringLiteral("u-x"), QStringLiteral("x"), QStringLiteral("x: Paused")));
    QCOMPARE(proxy.rowCount(), 3);
    log.append(entry(EventSeverity::Info, EventKind::Node, QStringLiteral("yamate-01"), {}, {},
                     QStringLiteral("yamate-01: Connected")));
    QCOMPARE(proxy.rowCount(), 3);
}

void TestEventLog::csvRoundTripOfHostileNames()
{
    const QStringList hostile{
        QStringLiteral("plain"),
        QStringLiteral("comma, inside"),
        QStringLiteral("\"quoted\" name"),
        QStringLiteral("line\nbreak"),
        QStringLiteral("cr\r\nlf, \"all\" of it,"),
        QStringLiteral(""),
        QStringLiteral("日本語の名前"),
        QStringLiteral("\""),
        QStringLiteral(" leading and trailing "),
    };
    QList<EventEntry> entries;
    for (const QString& name : hostile) {
        EventEntry e = entry(EventSeverity::Warning, EventKind::Action, name + QStringLiteral("-node"),
                             QStringLiteral("uuid-") + name, name, QStringLiteral("text about %1").arg(name));
        e.time = QDateTime(QDate(2026, 12, 4), QTime(18, 5, 7, 123), Qt::OffsetFromUTC, 9 * 3600);
        entries.append(e);
    }
    const QByteArray csv = EventLog::toCsv(entries);
    const std::optional<QList<QStringList>> records = parseCsv(csv);
    QVERIFY(records);
    QCOMPARE(records->size(), hostile.size() + 1);
    QCOMPARE(records->constFirst(),
             (QStringList{QStringLiteral("time"), QStringLiteral("severity"), QStringLiteral("kind"),
                          QStringLiteral("campus"), QStringLiteral("node"), QStringLiteral("instance"),
                          QStringLiteral("instance_uuid"), QStringLiteral("text")}));
    for (qsizetype i = 0; i < hostile.size(); ++i) {
        const QStringList& r = records->at(i + 1);
        QCOMPARE(r.size(), 8);
        QCOMPARE(QDateTime::fromString(r.at(0), Qt::ISODateWithMs), entries.at(i).time);
        QCOMPARE(r.at(0), QStringLiteral("2026-12-04T18:05:07.123+09:00"));
        QCOMPARE(r.at(1), QStringLiteral("warning"));
        QCOMPARE(r.at(2), QStringLiteral("action"));
        QCOMPARE(r.at(3), QStringLiteral("myodaiji"));
        // A cell a spreadsheet would read as a formula keeps an apostrophe in front (see below).
        const QString node = entries.at(i).node;
        QCOMPARE(r.at(4), node.startsWith(QLatin1Char('-')) ? QLatin1Char('\'') + node : node);
        QCOMPARE(r.at(5), hostile.at(i));
        QCOMPARE(r.at(6), entries.at(i).instance);
        QCOMPARE(r.at(7), entries.at(i).text);
    }
}

void TestEventLog::csvNeutralisesFormulas()
{
    // What a spreadsheet would run as a formula is kept as text: a leading apostrophe.
    const QStringList formulas{
        QStringLiteral("=1+1"),
        QStringLiteral("+1"),
        QStringLiteral("-1"),
        QStringLiteral("@SUM(A1)"),
        QStringLiteral("\t=1"),
        QStringLiteral("\r=1"),
        QStringLiteral("=cmd|' /C calc'!A0, \"x\""),
    };
    QList<EventEntry> entries;
    for (const QString& name : formulas)
        entries.append(
            entry(EventSeverity::Info, EventKind::Instance, name, QStringLiteral("u"), name, name));
    const std::optional<QList<QStringList>> records = parseCsv(EventLog::toCsv(entries));
    QVERIFY(records);
    QCOMPARE(records->size(), formulas.size() + 1);
    for (qsizetype i = 0; i < formulas.size(); ++i) {
        const QStringList& r = records->at(i + 1);
        const QString expected = QLatin1Char('\'') + formulas.at(i);
        QCOMPARE(r.at(4), expected); // node
        QCOMPARE(r.at(5), expected); // instance
        QCOMPARE(r.at(7), expected); // text
        QCOMPARE(r.at(6), QStringLiteral("u"));
    }
}

void TestEventLog::exportWritesWhatTheFiltersShow()
{
    EventLog log;
    ClusterSelection selection;
    EventLogDock dock(&log, nullptr, &selection);
    log.append(
        entry(EventSeverity::Info, EventKind::Node, QStringLiteral("n1"), {}, {}, QStringLiteral("first")));
    log.append(entry(EventSeverity::Critical, EventKind::Instance, QStringLiteral("n1"), QStringLiteral("u1"),
                     QStringLiteral("a,b"), QStringLiteral("second")));
    log.append(entry(EventSeverity::Warning, EventKind::Instance, QStringLiteral("n2"), QStringLiteral("u2"),
                     QStringLiteral("c"), QStringLiteral("third")));
    dock.severityFilter()->setCurrentIndex(1); // warnings and critical
    QCOMPARE(dock.proxy()->rowCount(), 2);
    const QString path = m_dir.filePath(QStringLiteral("events.csv"));
    QVERIFY(dock.exportCsv(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const std::optional<QList<QStringList>> records = parseCsv(file.readAll());
    QVERIFY(records);
    QCOMPARE(records->size(), 3);
    // Oldest first, whatever the table's sort (newest first).
    QCOMPARE(records->at(1).at(7), QStringLiteral("second"));
    QCOMPARE(records->at(1).at(5), QStringLiteral("a,b"));
    QCOMPARE(records->at(2).at(7), QStringLiteral("third"));
    // A file that cannot be written says so.
    const Result<void> failed = dock.exportCsv(m_dir.filePath(QStringLiteral("no/such/dir/events.csv")));
    QVERIFY(!failed);
    QCOMPARE(failed.error().code, ErrorCode::Io);
}

void TestEventLog::doubleClickSelects()
{
    EventLog log;
    ClusterSelection selection;
    EventLogDock dock(&log, nullptr, &selection);
    dock.resize(1000, 300);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    log.append(entry(EventSeverity::Info, EventKind::Node, QStringLiteral("n1"), {}, {},
                     QStringLiteral("node line")));
    log.append(entry(EventSeverity::Info, EventKind::Instance, QStringLiteral("n1"), QStringLiteral("u1"),
                     QStringLiteral("web"), QStringLiteral("instance line")));
    QTableView* table = dock.table();
    const auto doubleClick = [table](const QString& text) {
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex index = table->model()->index(row, EventLogModel::TextColumn);
            if (index.data().toString() == text) {
                const QPoint at = table->visualRect(index).center();
                QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
                QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
                return true;
            }
        }
        return false;
    };
    QVERIFY(doubleClick(QStringLiteral("instance line")));
    QCOMPARE(selection.kind(), ClusterSelection::Kind::Instances);
    QCOMPARE(selection.keys(), QStringList{QStringLiteral("u1")});
    QVERIFY(doubleClick(QStringLiteral("node line")));
    QCOMPARE(selection.kind(), ClusterSelection::Kind::Nodes);
    QCOMPARE(selection.keys(), QStringList{QStringLiteral("n1")});
}

void TestEventLog::recorderLogsRealChanges()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    Inventory inventory;
    Site site;
    site.id = QStringLiteral("myodaiji");
    site.name = QStringLiteral("Myodaiji");
    inventory.sites.append(site);
    NodeConfig config;
    config.name = QStringLiteral("myodaiji-01");
    config.site = site.id;
    config.uri = QStringLiteral("test:///default");
    inventory.nodes.append(config);
    controller.setInventory(inventory);

    EventLog log;
    EventRecorder recorder(&log);
    recorder.watchCluster(&controller);
    MonitoringController monitoring;
    recorder.watchMonitoring(&monitoring);
    const int before = log.size();

    NodeSnapshot node;
    node.node = config.name;
    node.state = NodeState::Connected;
    controller.applyNodeSnapshot(node);
    QCOMPARE(log.size(), before + 1);
    QCOMPARE(log.at(log.size() - 1).kind, EventKind::Node);
    QCOMPARE(log.at(log.size() - 1).site, QStringLiteral("myodaiji"));
    QVERIFY(log.at(log.size() - 1).text.contains(QStringLiteral("Connected")));
    node.cpuUsagePercent = 42; // a figure, not a state: nothing logged
    controller.applyNodeSnapshot(node);
    QCOMPARE(log.size(), before + 1);

    InstanceSnapshot web;
    web.uuid = QStringLiteral("u-web");
    web.name = QStringLiteral("web");
    web.node = config.name;
    web.state = InstanceState::Running;
    controller.applyInstances(config.name, {web});
    QCOMPARE(log.size(), before + 1); // appearing is not an event
    web.cpuPercent = 50;
    controller.applyInstances(config.name, {web});
    QCOMPARE(log.size(), before + 1);
    web.state = InstanceState::Crashed;
    controller.applyInstances(config.name, {web});
    QCOMPARE(log.size(), before + 2);
    const EventEntry& crashed = log.at(log.size() - 1);
    QCOMPARE(crashed.kind, EventKind::Instance);
    QCOMPARE(crashed.severity, EventSeverity::Critical);
    QCOMPARE(crashed.instance, QStringLiteral("u-web"));
    QCOMPARE(crashed.instanceName, QStringLiteral("web"));
    QCOMPARE(crashed.node, config.name);

    AlertSubject subject;
    subject.site = site.id;
    subject.node = config.name;
    subject.instance = web.uuid;
    subject.name = web.name;
    monitoring.engine().event(AlertKind::InstanceCrashed, subject, {}, monitoring.nowMs());
    QCOMPARE(log.size(), before + 3);
    QCOMPARE(log.at(log.size() - 1).kind, EventKind::Alert);
    QVERIFY(log.at(log.size() - 1).text.startsWith(QStringLiteral("Alert: web crashed")));
    monitoring.acknowledge(monitoring.activeAlerts().constFirst().id);
    QCOMPARE(log.size(), before + 4);
    QCOMPARE(log.at(log.size() - 1).kind, EventKind::Alert);

    node.state = NodeState::Unreachable;
    node.error.message = QStringLiteral("Cannot connect to the hypervisor.");
    controller.applyNodeSnapshot(node);
    const EventEntry& lost = log.at(log.size() - 1);
    QCOMPARE(lost.kind, EventKind::Node);
    QCOMPARE(lost.severity, EventSeverity::Warning);
    QVERIFY(lost.text.contains(QStringLiteral("Cannot connect to the hypervisor.")));
}

void TestEventLog::screenshots()
{
    const QString dir = qEnvironmentVariable("KUMO_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("Set KUMO_SCREENSHOTS=<dir> to write the documentation's screenshots.");
    QVERIFY(QDir().mkpath(dir));
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("ja")}) {
        QVERIFY(language::install(language));
        // What the recorder writes as a small cluster (no sessions) changes, in the language's words.
        ClusterController controller([](const NodeConfig&) { return nullptr; });
        const Inventory inventory = twoCampusInventory(1);
        controller.setInventory(inventory);
        EventLog log;
        EventRecorder recorder(&log);
        recorder.watchCluster(&controller);
        MonitoringController monitoring;
        recorder.watchMonitoring(&monitoring);
        EventLogDock dock(&log, &controller, nullptr);
        QList<InstanceSnapshot> instances;
        for (const QString& name : {QStringLiteral("mail"), QStringLiteral("ldap"), QStringLiteral("web")})
            instances.append(
                testInstance(QStringLiteral("uuid-") + name, name, QStringLiteral("myodaiji-01")));
        for (const NodeConfig& config : std::as_const(inventory.nodes)) {
            NodeSnapshot node;
            node.node = config.name;
            node.state = NodeState::Connected;
            controller.applyNodeSnapshot(node);
        }
        controller.applyInstances(QStringLiteral("myodaiji-01"), instances);
        instances[1].state = InstanceState::Crashed;
        controller.applyInstances(QStringLiteral("myodaiji-01"), instances);
        AlertSubject crashed;
        crashed.site = QStringLiteral("myodaiji");
        crashed.node = QStringLiteral("myodaiji-01");
        crashed.instance = instances[1].uuid;
        crashed.name = instances[1].name;
        monitoring.engine().event(AlertKind::InstanceCrashed, crashed, {}, monitoring.nowMs());
        NodeSnapshot lost;
        lost.node = QStringLiteral("yamate-01");
        lost.state = NodeState::Unreachable;
        lost.error.message = ja(language) ? QStringLiteral("ハイパーバイザーに接続できません。")
                                          : QStringLiteral("Cannot connect to the hypervisor.");
        controller.applyNodeSnapshot(lost);
        instances[2].state = InstanceState::Paused;
        controller.applyInstances(QStringLiteral("myodaiji-01"), instances);
        monitoring.acknowledge(monitoring.activeAlerts().constFirst().id);
        dock.resize(1100, 280);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QTest::qWait(200);
        QVERIFY(dock.grab().save(QDir(dir).filePath(QStringLiteral("event-log.%1.png").arg(language))));
    }
    QVERIFY(language::install(QStringLiteral("en")));
}

QTEST_MAIN(TestEventLog)
#include "tst_eventlog.moc"
