// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstring>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <thread>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/inventory.h"
#include "core/inventoryfile.h"

using namespace kumo;

namespace {

QString dataPath(const QString& relative)
{
    return QStringLiteral(KUMO_TEST_DATA "/") + relative;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

ino_t inodeOf(const QString& path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_ino;
}

// QPointF compares fuzzily; the round trip must be exact.
bool samePositions(const Inventory& a, const Inventory& b)
{
    if (a.sites.size() != b.sites.size())
        return false;
    for (qsizetype i = 0; i < a.sites.size(); ++i) {
        const QPointF p = a.sites.at(i).position;
        const QPointF r = b.sites.at(i).position;
        if (std::memcmp(&p, &r, sizeof p) != 0)
            return false;
    }
    return true;
}

Inventory awkwardInventory()
{
    Inventory inventory;
    inventory.pollIntervalMs = 200;
    Site site;
    site.id = QStringLiteral("campus_a-1");
    site.name = QStringLiteral("Quote \" backslash \\ end");
    site.nameJa = QStringLiteral("明大寺地区 🏯");
    site.color = QStringLiteral("#ABCDEF");
    site.position = QPointF(0.1, -1e20);
    inventory.sites.append(site);
    site.id = QStringLiteral("b");
    site.name = QStringLiteral("B");
    site.nameJa.clear();
    site.color.clear();
    site.position = QPointF(1.0 / 3.0, 123456789.125);
    inventory.sites.append(site);
    NodeConfig node;
    node.name = QStringLiteral("node \"one\"");
    node.site = QStringLiteral("b");
    node.uri = QStringLiteral("qemu+unix:///session?socket=/p/libvirt-sock");
    node.migrationAddress = QStringLiteral("::1");
    node.maintenance = true;
    inventory.nodes.append(node);
    InstanceConfig instance;
    instance.name = QStringLiteral("x");
    instance.homeNode = node.name;
    instance.evacuationPriority = -2147483647 - 1;
    instance.probes.append(
        {QStringLiteral("http"), QStringLiteral("h"), 65535, QStringLiteral("/a b?c=\"d\"")});
    instance.probes.append({QStringLiteral("tcp"), QStringLiteral("h"), 1, {}});
    instance.probes.append({QStringLiteral("https"),
                            QStringLiteral("::1"),
                            8443,
                            QStringLiteral("/health"),
                            // Names refuse control characters; other strings are escaped.
                            QStringLiteral("OK \"fine\" tab\t newline\n cr\r bell\x07 del\x7f end"),
                            {},
                            2000,
                            60000});
    instance.probes.append({QStringLiteral("smtp"),
                            QStringLiteral("127.0.0.1"),
                            2525,
                            {},
                            {},
                            QStringLiteral("kumo.example"),
                            500,
                            ServiceProbe::DefaultIntervalMs});
    inventory.instances.append(instance);
    return inventory;
}

} // namespace

class TestInventory : public QObject
{
    Q_OBJECT

private slots:
    void parseFull();
    void parseMinimal();
    void parseLab();
    void lookups();
    void roundTrip_data();
    void roundTrip();
    void toTomlHeader();
    void saveCreatesFoldersAndLoads();
    void saveReplacesAtomically();
    void saveFailureKeepsOldFile();
    void saveThatCannotWriteKeepsTheOldFile_data();
    void saveThatCannotWriteKeepsTheOldFile();
    void loadWhatIsNotARegularFile_data();
    void loadWhatIsNotARegularFile();
    void loadMissingFile();
    void defaultPath();
    void badFiles_data();
    void badFiles();
    void syntaxErrorHasDetail();
    void alertSettings();
    void badAlertSettings_data();
    void badAlertSettings();
    void libvirtUris_data();
    void libvirtUris();
    void probeUrls_data();
    void probeUrls();
    void probeForms();
    void specialFiles();
    void tooLarge();
    void nesting_data();
    void nesting();
    void names_data();
    void names();
};

void TestInventory::parseFull()
{
    const auto result = Inventory::load(dataPath(QStringLiteral("good/full.toml")));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    const Inventory& inv = result.value();
    QCOMPARE(inv.pollIntervalMs, 1500);

    QCOMPARE(inv.sites.size(), 2);
    QCOMPARE(inv.sites[0].id, QStringLiteral("myodaiji"));
    QCOMPARE(inv.sites[0].name, QStringLiteral("Myodaiji"));
    QCOMPARE(inv.sites[0].nameJa, QStringLiteral("明大寺地区"));
    QCOMPARE(inv.sites[0].color, QStringLiteral("#2f6fb3"));
    QCOMPARE(inv.sites[0].position.x(), 0.0);
    QCOMPARE(inv.sites[0].position.y(), -120.5);
    QCOMPARE(inv.sites[1].id, QStringLiteral("yamate"));
    QCOMPARE(inv.sites[1].nameJa, QStringLiteral("山手地区"));
    QCOMPARE(inv.sites[1].color, QStringLiteral("#B35A2F"));
    QCOMPARE(inv.sites[1].position, QPointF(640, 80)); // integers are numbers too

    QCOMPARE(inv.nodes.size(), 2);
    const NodeConfig& a = inv.nodes[0];
    QCOMPARE(a.name, QStringLiteral("myodaiji-01"));
    QCOMPARE(a.site, QStringLiteral("myodaiji"));
    QCOMPARE(a.uri, QStringLiteral("qemu+ssh://root@myodaiji-01.example.org/system"));
    QCOMPARE(a.migrationUri, QStringLiteral("tcp://10.0.0.1:49152"));
    QCOMPARE(a.migrationAddress, QStringLiteral("10.0.0.1"));
    QCOMPARE(a.maintenance, true);
    QCOMPARE(a.allowInsecure, false);
    const NodeConfig& b = inv.nodes[1];
    QCOMPARE(b.uri, QStringLiteral("qemu+tcp://10.0.1.1:16509/system"));
    QVERIFY(b.migrationUri.isEmpty());
    QVERIFY(b.migrationAddress.isEmpty());
    QCOMPARE(b.maintenance, false);
    QCOMPARE(b.allowInsecure, true);

    QCOMPARE(inv.instances.size(), 2);
    const InstanceConfig& mail = inv.instances[0];
    QCOMPARE(mail.name, QStringLiteral("mail"));
    QCOMPARE(mail.homeNode, QStringLiteral("myodaiji-01"));
    QCOMPARE(mail.evacuationPriority, 100);
    QCOMPARE(mail.antiAffinityGroup, QStringLiteral("mx"));
    QCOMPARE(mail.probes.size(), 2);
    QCOMPARE(mail.probes[0],
             (ServiceProbe{QStringLiteral("smtp"), QStringLiteral("mail.example.org"), 25, {}}));
    QCOMPARE(mail.probes[1], (ServiceProbe{QStringLiteral("http"), QStringLiteral("mail.example.org"), 443,
                                           QStringLiteral("/webmail/")}));
    const InstanceConfig& dns = inv.instances[1];
    QCOMPARE(dns.name, QStringLiteral("dns \"secondary\""));
    QVERIFY(dns.homeNode.isEmpty());
    QCOMPARE(dns.evacuationPriority, -5);
    QVERIFY(dns.antiAffinityGroup.isEmpty());
    QVERIFY(dns.probes.isEmpty());
}

void TestInventory::parseMinimal()
{
    const auto result = Inventory::load(dataPath(QStringLiteral("good/minimal.toml")));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    Inventory expected;
    expected.sites.append({QStringLiteral("lab"), QStringLiteral("Lab"), {}, {}, QPointF()});
    NodeConfig node;
    node.name = QStringLiteral("lab-01");
    node.site = QStringLiteral("lab");
    node.uri = QStringLiteral("test:///default");
    expected.nodes.append(node);
    QCOMPARE(result.value(), expected);
    QCOMPARE(result->pollIntervalMs, Inventory::DefaultPollIntervalMs);
}

void TestInventory::parseLab()
{
    const auto result = Inventory::load(dataPath(QStringLiteral("good/lab.toml")));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    const Inventory& inv = result.value();
    QCOMPARE(inv.pollIntervalMs, 1000);
    QCOMPARE(inv.sites.size(), 2);
    QCOMPARE(inv.sites[1].displayName(QStringLiteral("ja")), QStringLiteral("山手地区"));
    QCOMPARE(inv.sites[1].position, QPointF(700.0, 0.0));
    QCOMPARE(inv.nodes.size(), 2);
    QCOMPARE(inv.nodes[0].uri,
             QStringLiteral("qemu+unix:///session?socket=/run/kumo-lab/myodaiji-01/libvirt/libvirt-sock"));
    QCOMPARE(inv.nodes[1].migrationUri, QStringLiteral("tcp://127.0.0.1"));
    QCOMPARE(inv.instances.size(), 1);
    QCOMPARE(inv.instances[0].name, QStringLiteral("メール"));
    QCOMPARE(inv.instances[0].homeNode, QStringLiteral("yamate-01"));
}

void TestInventory::lookups()
{
    const auto result = Inventory::load(dataPath(QStringLiteral("good/full.toml")));
    QVERIFY(result.ok());
    const Inventory& inv = result.value();
    QVERIFY(inv.site(QStringLiteral("yamate")));
    QCOMPARE(inv.site(QStringLiteral("yamate"))->name, QStringLiteral("Yamate"));
    QVERIFY(!inv.site(QStringLiteral("Yamate")));
    QVERIFY(inv.node(QStringLiteral("yamate-01")));
    QCOMPARE(inv.node(QStringLiteral("yamate-01"))->site, QStringLiteral("yamate"));
    QVERIFY(!inv.node(QStringLiteral("yamate-02")));
    QVERIFY(inv.instance(QStringLiteral("mail")));
    QCOMPARE(inv.instance(QStringLiteral("mail"))->evacuationPriority, 100);
    QVERIFY(!inv.instance(QStringLiteral("www")));
    const QList<NodeConfig> ofMyodaiji = inv.nodesOfSite(QStringLiteral("myodaiji"));
    QCOMPARE(ofMyodaiji.size(), 1);
    QCOMPARE(ofMyodaiji[0].name, QStringLiteral("myodaiji-01"));
    QVERIFY(inv.nodesOfSite(QStringLiteral("nowhere")).isEmpty());

    Site site = inv.sites[0];
    QCOMPARE(site.displayName(QStringLiteral("ja")), QStringLiteral("明大寺地区"));
    QCOMPARE(site.displayName(QStringLiteral("ja_JP")), QStringLiteral("明大寺地区"));
    QCOMPARE(site.displayName(QStringLiteral("en")), QStringLiteral("Myodaiji"));
    site.nameJa.clear();
    QCOMPARE(site.displayName(QStringLiteral("ja")), QStringLiteral("Myodaiji"));
}

void TestInventory::roundTrip_data()
{
    QTest::addColumn<Inventory>("inventory");
    for (const char* name : {"good/full.toml", "good/minimal.toml", "good/lab.toml"}) {
        const auto result = Inventory::load(dataPath(QString::fromLatin1(name)));
        QVERIFY(result.ok());
        QTest::newRow(name) << result.value();
    }
    QTest::newRow("escapes and awkward numbers") << awkwardInventory();
}

void TestInventory::roundTrip()
{
    QFETCH(Inventory, inventory);
    const QByteArray text = inventory.toToml();
    const auto reparsed = Inventory::parse(text, QStringLiteral("roundtrip.toml"));
    QVERIFY2(reparsed.ok(), qPrintable(reparsed.ok() ? QString() : reparsed.error().toString()));
    QCOMPARE(reparsed.value(), inventory);
    QVERIFY(samePositions(reparsed.value(), inventory));
    // Writing is deterministic: the same values give the same bytes.
    QCOMPARE(reparsed->toToml(), text);
}

void TestInventory::toTomlHeader()
{
    const QByteArray text = awkwardInventory().toToml();
    QVERIFY(text.startsWith("# "));
    const QByteArray header = text.left(text.indexOf("\n\n"));
    QVERIFY(header.contains("Written by Kumo"));
    QVERIFY(header.contains("Comments are not preserved"));
}

void TestInventory::saveCreatesFoldersAndLoads()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("config/kumo/inventory.toml"));
    const Inventory inventory = awkwardInventory();
    const auto saved = inventory.save(path);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().toString()));
    const auto loaded = Inventory::load(path);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.value(), inventory);
    QCOMPARE(readFile(path), inventory.toToml());
}

void TestInventory::saveReplacesAtomically()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("inventory.toml"));
    QVERIFY(writeFile(path, readFile(dataPath(QStringLiteral("good/minimal.toml")))));
    const ino_t before = inodeOf(path);
    QVERIFY(before != 0);

    const Inventory inventory = awkwardInventory();
    QVERIFY(inventory.save(path).ok());
    // A new file renamed over the old one: a reader sees either the old or the new file whole.
    QVERIFY(inodeOf(path) != before);
    QCOMPARE(readFile(path), inventory.toToml());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("inventory.toml")});
}

void TestInventory::saveFailureKeepsOldFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("inventory.toml"));
    const QByteArray old = readFile(dataPath(QStringLiteral("good/lab.toml")));
    QVERIFY(writeFile(path, old));

    // Values that would not read back are refused before anything is written.
    Inventory invalid = awkwardInventory();
    invalid.nodes.clear();
    invalid.instances.clear();
    const auto refused = invalid.save(path);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
    QCOMPARE(refused.error().object, path);
    QCOMPARE(readFile(path), old);

    // A folder that cannot be created.
    const QString blocker = dir.filePath(QStringLiteral("not-a-folder"));
    QVERIFY(writeFile(blocker, "x"));
    const auto failed = awkwardInventory().save(blocker + QStringLiteral("/inventory.toml"));
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::Io);
    QCOMPARE(failed.error().object, blocker + QStringLiteral("/inventory.toml"));
    QCOMPARE(readFile(blocker), QByteArray("x"));
    QCOMPARE(readFile(path), old);
}

void TestInventory::saveThatCannotWriteKeepsTheOldFile_data()
{
    QTest::addColumn<QString>("cause");
    // A file size limit stops the write for everybody, root included.
    QTest::newRow("file size limit") << QStringLiteral("fsize");
    // Root writes into read-only folders: for root a read-only folder is no failure to test.
    if (::geteuid() != 0)
        QTest::newRow("read-only folder") << QStringLiteral("read-only");
}

void TestInventory::saveThatCannotWriteKeepsTheOldFile()
{
    QFETCH(QString, cause);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("inventory.toml"));
    const QByteArray old = readFile(dataPath(QStringLiteral("good/lab.toml")));
    QVERIFY(writeFile(path, old));

    Result<void> failed;
    if (cause == u"fsize") {
        rlimit before = {};
        QVERIFY(::getrlimit(RLIMIT_FSIZE, &before) == 0);
        rlimit small = before;
        small.rlim_cur = 16;
        // Past the limit write() fails with EFBIG instead of the process getting SIGXFSZ.
        struct sigaction ignore = {};
        struct sigaction previous = {};
        ignore.sa_handler = SIG_IGN;
        sigemptyset(&ignore.sa_mask);
        QVERIFY(::sigaction(SIGXFSZ, &ignore, &previous) == 0);
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &small) == 0);
        failed = awkwardInventory().save(path);
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &before) == 0);
        QVERIFY(::sigaction(SIGXFSZ, &previous, nullptr) == 0);
    } else {
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
        failed = awkwardInventory().save(path);
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::Io);
    QCOMPARE(failed.error().object, path);
    QVERIFY(!failed.error().detail.isEmpty());
    QCOMPARE(readFile(path), old);
    // No temporary file is left beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("inventory.toml")});
}

void TestInventory::loadWhatIsNotARegularFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("directory") << QStringLiteral("directory");
    QTest::newRow("fifo") << QStringLiteral("fifo");
    QTest::newRow("path through a file") << QStringLiteral("through-file");
}

// Not readable as an inventory for anybody, root included: each load ends in an error, none hangs.
void TestInventory::loadWhatIsNotARegularFile()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path = dir.filePath(QStringLiteral("inventory.toml"));
    if (kind == u"directory") {
        QVERIFY(QDir().mkdir(path));
    } else if (kind == u"fifo") {
        QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
    } else {
        QVERIFY(writeFile(path, readFile(dataPath(QStringLiteral("good/lab.toml")))));
        path += QStringLiteral("/inventory.toml");
    }

    // A reader that opens the FIFO would wait for a writer forever: this one shows up (for a
    // bounded time) and writes what is not an inventory. A reader that refuses the FIFO never
    // opens it, and the writer gives up.
    std::atomic_bool done = false;
    std::thread writer;
    if (kind == u"fifo") {
        writer = std::thread([&done, native = QFile::encodeName(path)] {
            for (int attempt = 0; attempt < 1000 && !done; ++attempt) {
                const int fd = ::open(native.constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
                if (fd >= 0) {
                    [[maybe_unused]] const ssize_t written = ::write(fd, "[[[ not toml", 12);
                    ::close(fd);
                    return;
                }
                ::usleep(10000);
            }
        });
    }
    const auto loaded = Inventory::load(path);
    done = true;
    if (writer.joinable())
        writer.join();
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().object, path);
    QVERIFY(!loaded.error().message.isEmpty());
}

void TestInventory::loadMissingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("missing/inventory.toml"));
    const auto result = Inventory::load(path);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::NotFound);
    QCOMPARE(result.error().object, path);
    QCOMPARE(result.error().message,
             QStringLiteral("The inventory file does not exist; create it or choose another file."));
}

void TestInventory::defaultPath()
{
    const QByteArray saved = qgetenv("XDG_CONFIG_HOME");
    const bool hadValue = qEnvironmentVariableIsSet("XDG_CONFIG_HOME");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.path()));
    QCOMPARE(Inventory::defaultPath(), dir.path() + QStringLiteral("/kumo/inventory.toml"));
    qunsetenv("XDG_CONFIG_HOME");
    const QString fallback = Inventory::defaultPath();
    if (hadValue)
        qputenv("XDG_CONFIG_HOME", saved);
    QCOMPARE(fallback, QDir::homePath() + QStringLiteral("/.config/kumo/inventory.toml"));
}

void TestInventory::badFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    const QString uriForm = QStringLiteral("driver[+transport]://[user@][host][:port]/path[?query]");
    QStringList rows;
    auto row = [&rows](const char* file, int line, int column, const QString& message) {
        rows.append(QString::fromLatin1(file));
        QTest::newRow(file) << rows.last() << line << column << message;
    };
    row("syntax.toml", 3, 12,
        QStringLiteral("The file is not valid TOML; see the detail for what the parser expected here."));
    row("empty.toml", 1, 1,
        QStringLiteral("The inventory is empty: it needs at least one [[site]] and one [[node]]."));
    row("not_utf8.toml", 4, 15,
        QStringLiteral(
            "The file is not valid UTF-8: byte 0xe9 cannot appear here; save the inventory as UTF-8 "
            "text."));
    row("unknown_key.toml", 4, 1,
        QStringLiteral("Unknown key \"colour\" in [[site]]; expected one of: id, name, name_ja, color, "
                       "position, trusted_migration_network."));
    row("unknown_top_level.toml", 10, 2,
        QStringLiteral("Unknown top-level key \"server\"; expected one of: console, site, node, instance, "
                       "alerts."));
    row("missing_key.toml", 5, 3, QStringLiteral("Missing required key \"uri\" in [[node]]."));
    row("wrong_type.toml", 9, 15,
        QStringLiteral(
            "The key \"maintenance\" in [[node]] must be a boolean (true or false), not a string."));
    row("site_not_array.toml", 1, 1,
        QStringLiteral("The top-level key \"site\" must be an array of tables ([[site]]), not a table."));
    row("empty_name.toml", 3, 8, QStringLiteral("The key \"name\" in [[site]] must not be empty."));
    row("duplicate_site.toml", 6, 8,
        QStringLiteral("The site id \"lab\" is already used on line 2; each site needs its own id."));
    row("duplicate_node.toml", 11, 8,
        QStringLiteral("The node name \"lab-01\" is already used on line 6; node names must be unique."));
    row("duplicate_instance.toml", 15, 8,
        QStringLiteral("The instance name \"mail\" is already used on line 11; each instance may appear only "
                       "once."));
    row("unknown_site.toml", 11, 8,
        QStringLiteral(
            "The node \"lab-01\" is on the unknown site \"higashiyama\"; known sites: myodaiji, yamate."));
    row("unknown_home_node.toml", 17, 13,
        QStringLiteral(
            "The instance \"mail\" has the unknown home node \"lab-03\"; known nodes: lab-01, lab-02."));
    row("uri_no_scheme.toml", 8, 7,
        QStringLiteral(
            "The URI \"lab-01.example.org/system\" has no scheme; a libvirt URI looks like %1, e.g. "
            "\"qemu:///system\".")
            .arg(uriForm));
    row("uri_bad_scheme.toml", 8, 7,
        QStringLiteral(
            "The URI \"QEMU:///system\" has an invalid scheme \"QEMU\"; expected a driver such as qemu "
            "or test, optionally followed by +transport."));
    row("uri_bad_transport.toml", 8, 7,
        QStringLiteral(
            "The URI \"qemu+http://lab-01/system\" uses the unknown transport \"http\"; expected one "
            "of: unix, ssh, tcp, tls, libssh, libssh2, ext."));
    row("uri_space.toml", 8, 7,
        QStringLiteral(
            "The URI \"qemu+ssh://root@lab 01/system\" contains whitespace; a libvirt URI looks like "
            "%1, e.g. \"qemu:///system\".")
            .arg(uriForm));
    row("uri_no_path.toml", 8, 7,
        QStringLiteral(
            "The URI \"qemu+ssh://root@lab-01\" is not a valid libvirt URI; a libvirt URI looks like "
            "%1, e.g. \"qemu:///system\".")
            .arg(uriForm));
    row("bad_color.toml", 4, 9,
        QStringLiteral("The color \"blue\" is not valid; expected #rrggbb, e.g. \"#2f6fb3\"."));
    row("bad_site_id.toml", 2, 6,
        QStringLiteral(
            "The site id \"Myodaiji Campus\" is not valid; use lowercase letters, digits, \"_\" and "
            "\"-\", e.g. \"myodaiji\"."));
    row("bad_position.toml", 4, 12,
        QStringLiteral("The key \"position\" in [[site]] must be two numbers, e.g. [0.0, 0.0]."));
    row("probe_kind.toml", 13, 10,
        QStringLiteral("Unknown probe kind \"imap\"; expected one of: tcp, smtp, http, https."));
    row("probe_url_scheme.toml", 12, 35,
        QStringLiteral("The probe URL \"gopher://192.0.2.10/\" has the unknown scheme \"gopher\"; expected "
                       "one of: tcp, smtp, http, https."));
    row("probe_url_port.toml", 12, 11,
        QStringLiteral("The probe URL \"tcp://192.0.2.12:70000\" has the port \"70000\"; a port is a number "
                       "from 1 to 65535."));
    row("probe_url_no_port.toml", 12, 11,
        QStringLiteral("The probe URL \"tcp://192.0.2.12\" needs a port: a tcp probe connects to host:port, "
                       "e.g. \"tcp://192.0.2.12:389\"."));
    row("probe_expect_not_http.toml", 13, 41,
        QStringLiteral("The key \"expect\" is only used by http and https probes; remove it."));
    row("probe_list_type.toml", 12, 10,
        QStringLiteral("The key \"probes\" in [[instance]] must be an array of probe URLs, e.g. "
                       "[\"tcp://192.0.2.12:389\"], not a string."));
    row("probe_timeout_range.toml", 12, 60,
        QStringLiteral(
            "The key \"timeout_ms\" in probes = [{ ... }] must be between 100 and 60000, not 10."));
    row("probe_path_not_http.toml", 17, 8,
        QStringLiteral("The key \"path\" is only used by http probes; remove it or set kind = \"http\"."));
    row("port_range.toml", 15, 10,
        QStringLiteral("The key \"port\" in [[instance.probe]] must be between 1 and 65535, not 70000."));
    row("poll_interval.toml", 2, 20,
        QStringLiteral(
            "The key \"poll_interval_ms\" in [console] must be between 200 and 3600000, not 100."));
    row("no_site.toml", 1, 1, QStringLiteral("The inventory has no [[site]]; it needs at least one."));
    row("no_node.toml", 1, 1, QStringLiteral("The inventory has no [[node]]; it needs at least one."));

    // Every file in bad/ is checked here, with its exact position and message.
    QStringList files =
        QDir(dataPath(QStringLiteral("bad"))).entryList({QStringLiteral("*.toml")}, QDir::Files);
    files.sort();
    rows.sort();
    QCOMPARE(files, rows);
}

void TestInventory::badFiles()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    const QString path = dataPath(QStringLiteral("bad/") + file);
    QVERIFY(QFile::exists(path));
    const auto result = Inventory::load(path);
    QVERIFY(!result.ok());
    const Error& error = result.error();
    QCOMPARE(error.code, ErrorCode::InvalidInput);
    QCOMPARE(error.object, path);
    QCOMPARE(error.message, message);
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
}

void TestInventory::syntaxErrorHasDetail()
{
    const auto result = Inventory::parse("[[site]]\nid = = 1\n", QStringLiteral("inline.toml"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().object, QStringLiteral("inline.toml"));
    QCOMPARE(result.error().line, 2);
    QVERIFY(!result.error().detail.isEmpty());
    QVERIFY(result.error().toString().startsWith(QStringLiteral("inline.toml:2:")));
}

namespace {

const QByteArray alertBase =
    "[[site]]\nid = \"a\"\nname = \"A\"\ncolor = \"#102030\"\nposition = [0.0, 0.0]\n"
    "[[node]]\nname = \"n1\"\nsite = \"a\"\nuri = \"test:///default\"\n";

const AlertSetting* findSetting(const Inventory& inventory, AlertKind kind, const QString& node,
                                const QString& instance)
{
    for (const AlertSetting& setting : inventory.alertSettings) {
        if (setting.kind == kind && setting.node == node && setting.instance == instance)
            return &setting;
    }
    return nullptr;
}

} // namespace

void TestInventory::alertSettings()
{
    const QByteArray text = alertBase + "[alerts]\n"
                                        "node_memory_free_percent = 5\n"
                                        "node_unreachable_seconds = 3\n"
                                        "migration_failed_enabled = false\n"
                                        "[alerts.node.n1]\n"
                                        "host_cpu_percent = 99\n"
                                        "host_cpu_clear_percent = 97.5\n"
                                        "[alerts.instance.mail]\n"
                                        "enabled = false\n"
                                        "instance_crashed_enabled = true\n";
    const auto parsed = Inventory::parse(text, QStringLiteral("alerts.toml"));
    QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().toString()));
    const Inventory& inventory = parsed.value();

    const AlertSetting* memory = findSetting(inventory, AlertKind::NodeMemoryLow, {}, {});
    QVERIFY(memory);
    QCOMPARE(memory->raiseAt, std::optional<double>(5));
    QVERIFY(!memory->clearAt && !memory->enabled && !memory->sustainMs);
    const AlertSetting* unreachable = findSetting(inventory, AlertKind::NodeUnreachable, {}, {});
    QVERIFY(unreachable);
    QCOMPARE(unreachable->sustainMs, std::optional<qint64>(3000));
    const AlertSetting* migration = findSetting(inventory, AlertKind::MigrationFailed, {}, {});
    QVERIFY(migration);
    QCOMPARE(migration->enabled, std::optional<bool>(false));

    const AlertSetting* cpu = findSetting(inventory, AlertKind::HostCpuHigh, QStringLiteral("n1"), {});
    QVERIFY(cpu);
    QCOMPARE(cpu->raiseAt, std::optional<double>(99));
    QCOMPARE(cpu->clearAt, std::optional<double>(97.5));

    // `enabled = false` turns off every rule of the instance; a rule's own key wins.
    const QString mail = QStringLiteral("mail");
    const AlertSetting* crashed = findSetting(inventory, AlertKind::InstanceCrashed, {}, mail);
    QVERIFY(crashed);
    QCOMPARE(crashed->enabled, std::optional<bool>(true));
    const AlertSetting* watchdog = findSetting(inventory, AlertKind::InstanceWatchdog, {}, mail);
    QVERIFY(watchdog);
    QCOMPARE(watchdog->enabled, std::optional<bool>(false));
    // Rules about nodes do not apply to one instance.
    QVERIFY(!findSetting(inventory, AlertKind::NodeUnreachable, {}, mail));
    // Nothing said, nothing kept.
    QVERIFY(!findSetting(inventory, AlertKind::SplitBrain, {}, {}));

    // Without [alerts] there are none.
    QVERIFY(Inventory::parse(alertBase, QStringLiteral("plain.toml")).value().alertSettings.isEmpty());
}

void TestInventory::badAlertSettings_data()
{
    QTest::addColumn<QByteArray>("alerts");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    // alertBase has 9 lines: [alerts] is line 10.
    QTest::newRow("unknown node") << QByteArray("[alerts.node.n9]\nhost_cpu_percent = 99\n") << 10 << 14
                                  << QStringLiteral(
                                         "The alert settings [alerts.node.n9] name the unknown node "
                                         "\"n9\"; known nodes: n1.");
    QTest::newRow("out of range") << QByteArray("[alerts]\nnode_memory_free_percent = 120\n") << 11 << 28
                                  << QStringLiteral(
                                         "The key \"node_memory_free_percent\" in [alerts] must be "
                                         "between 0 and 100, not 120.");
    QTest::newRow("wrong type") << QByteArray("[alerts]\nhost_cpu_percent = \"high\"\n") << 11 << 20
                                << QStringLiteral(
                                       "The key \"host_cpu_percent\" in [alerts] must be a number, not a "
                                       "string.");
    QTest::newRow("seconds") << QByteArray("[alerts]\nnode_unreachable_seconds = 1.5\n") << 11 << 28
                             << QStringLiteral("The key \"node_unreachable_seconds\" in [alerts] must be an "
                                               "integer, not a floating-point number.");
    QTest::newRow("hysteresis")
        << QByteArray("[alerts]\nhost_cpu_percent = 90\nhost_cpu_clear_percent = 95\n") << 12 << 26
        << QStringLiteral("The key \"host_cpu_clear_percent\" in [alerts] must not be over "
                          "\"host_cpu_percent\" (90): the alert clears once the value is "
                          "back under it.");
    QTest::newRow("node rule on an instance")
        << QByteArray("[alerts.instance.mail]\nhost_cpu_percent = 99\n") << 11 << 1
        << QStringLiteral(
               "Unknown key \"host_cpu_percent\" in [alerts.instance.mail]; expected one of: enabled, "
               "instance_crashed_enabled, instance_io_error_enabled, instance_watchdog_enabled, "
               "migration_failed_enabled, probe_enabled, probe_failures, probe_clear_failures, "
               "probe_seconds, split_brain_enabled, split_brain_seconds.");
    QTest::newRow("enabled type") << QByteArray("[alerts.node.n1]\nenabled = 0\n") << 11 << 11
                                  << QStringLiteral(
                                         "The key \"enabled\" in [alerts.node.n1] must be a boolean (true "
                                         "or false), not an integer.");
}

void TestInventory::badAlertSettings()
{
    QFETCH(QByteArray, alerts);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const auto result = Inventory::parse(alertBase + alerts, QStringLiteral("alerts.toml"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().message, message);
    QCOMPARE(result.error().line, line);
    QCOMPARE(result.error().column, column);
}

void TestInventory::libvirtUris_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<bool>("valid");
    for (const char* uri :
         {"qemu:///system", "qemu:///session", "qemu+ssh://root@h/system",
          "qemu+unix:///session?socket=/p/libvirt-sock", "test:///default", "test:///abs/path.xml",
          "qemu+tls://host.example.org:16514/system", "qemu+ssh://user@[::1]:2222/system",
          "qemu+libssh2://u@h/system?known_hosts=/k", "qemu+tcp://10.0.0.1/system",
          "qemu+ext:///system?command=/bin/x", "xen:///system"})
        QTest::newRow(uri) << QString::fromLatin1(uri) << true;
    for (const char* uri :
         {"", "qemu", "qemu:/system", "://h/system", "qemu+ssh://h:99999/system", "qemu+ssh://h:x/system",
          "qemu+ssh://h", "qemu+ssh://h?x=/y", "qemu+SSH:///system", "qemu+ssh+tls://h/system",
          "1qemu:///system", "qemu+ftp://h/system", "qemu:///system#frag", "qemu:///sys tem",
          "qemu:///system\t"})
        QTest::newRow(uri) << QString::fromLatin1(uri) << false;
}

void TestInventory::libvirtUris()
{
    QFETCH(QString, uri);
    QFETCH(bool, valid);
    Inventory inventory = awkwardInventory();
    inventory.nodes[0].uri = uri;
    const auto result = Inventory::parse(inventory.toToml(), QStringLiteral("uri.toml"));
    QVERIFY2(result.ok() == valid,
             qPrintable(result.ok() ? QStringLiteral("accepted") : result.error().toString()));
    if (!valid) {
        QVERIFY(result.error().message.contains(QStringLiteral("URI")) ||
                result.error().message.contains(QStringLiteral("must not be empty")));
        QVERIFY(result.error().line > 0);
    }
}

void TestInventory::probeUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("canonical"); // empty: refused
    QTest::addColumn<QString>("path");
    const auto row = [](const char* url, const char* canonical, const char* path = "") {
        QTest::newRow(url) << QString::fromUtf8(url) << QString::fromUtf8(canonical)
                           << QString::fromUtf8(path);
    };
    row("smtp://192.0.2.10:25", "smtp://192.0.2.10:25");
    row("smtp://192.0.2.10", "smtp://192.0.2.10:25");
    row("SMTP://mail.example.org:587", "smtp://mail.example.org:587");
    row("http://192.0.2.11/health", "http://192.0.2.11:80/health", "/health");
    row("http://192.0.2.11", "http://192.0.2.11:80/", "/");
    row("https://web.example.org:8443/a?b=c", "https://web.example.org:8443/a?b=c", "/a?b=c");
    row("tcp://192.0.2.12:389", "tcp://192.0.2.12:389");
    row("tcp://[::1]:389", "tcp://[::1]:389");
    row("tcp://127.0.0.1:389/", "tcp://127.0.0.1:389");
    for (const char* bad :
         {"", "192.0.2.12:389", "tcp://192.0.2.12", "tcp://192.0.2.12:0", "tcp://h:65536", "tcp://h:x",
          "tcp://h:", "udp://h:53", "tcp://h:1/path", "smtp://h?x=1", "http://user@h/", "http://h/#frag",
          "http://h /", "http://[::1/", "http://[zz]/", "http://:80/", "http://-h/"})
        row(bad, "");
}

void TestInventory::probeUrls()
{
    QFETCH(QString, url);
    QFETCH(QString, canonical);
    QFETCH(QString, path);
    QString problem;
    const auto probe = parseProbeUrl(url, &problem);
    if (canonical.isEmpty()) {
        QVERIFY(!probe);
        QVERIFY(problem.contains(url));
        return;
    }
    QVERIFY2(probe, qPrintable(problem));
    QCOMPARE(probe->url(), canonical);
    QCOMPARE(probe->path, path);
    QVERIFY(!probe->hasOptions());
    // The canonical form reads back as the same probe.
    const auto again = parseProbeUrl(canonical, &problem);
    QVERIFY(again);
    QCOMPARE(*again, *probe);
}

void TestInventory::probeForms()
{
    // The URL list, its inline-table form and the [[instance.probe]] tables give one model, in that
    // order: tables first (they belong to the instance's table), then the list.
    const QByteArray toml = R"([[site]]
id = "lab"
name = "Lab"

[[node]]
name = "lab-01"
site = "lab"
uri = "test:///default"

[[instance]]
name = "mail"
probes = ["smtp://192.0.2.10:25", "http://192.0.2.11/health", "tcp://192.0.2.12:389",
          { url = "http://127.0.0.1:8080/health", expect = "OK", timeout_ms = 2000, interval_ms = 10000 },
          { url = "smtp://127.0.0.1:2525", ehlo = "kumo.example", interval_ms = 30000 }]
  [[instance.probe]]
  kind = "tcp"
  host = "127.0.0.1"
  port = 22
  timeout_ms = 500
)";
    const auto result = Inventory::parse(toml, QStringLiteral("forms.toml"));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    const QList<ServiceProbe>& probes = result.value().instances.at(0).probes;
    QCOMPARE(probes.size(), 6);
    QCOMPARE(probes[0], (ServiceProbe{QStringLiteral("tcp"),
                                      QStringLiteral("127.0.0.1"),
                                      22,
                                      {},
                                      {},
                                      {},
                                      500,
                                      ServiceProbe::DefaultIntervalMs}));
    QCOMPARE(probes[1].url(), QStringLiteral("smtp://192.0.2.10:25"));
    QCOMPARE(probes[2].url(), QStringLiteral("http://192.0.2.11:80/health"));
    QCOMPARE(probes[3].url(), QStringLiteral("tcp://192.0.2.12:389"));
    QCOMPARE(probes[4], (ServiceProbe{QStringLiteral("http"),
                                      QStringLiteral("127.0.0.1"),
                                      8080,
                                      QStringLiteral("/health"),
                                      QStringLiteral("OK"),
                                      {},
                                      2000,
                                      10000}));
    QCOMPARE(probes[5], (ServiceProbe{QStringLiteral("smtp"),
                                      QStringLiteral("127.0.0.1"),
                                      2525,
                                      {},
                                      {},
                                      QStringLiteral("kumo.example"),
                                      ServiceProbe::DefaultTimeoutMs,
                                      30000}));
    // Written back (as tables) and read again: the same probes.
    const auto again = Inventory::parse(result.value().toToml(), QStringLiteral("again.toml"));
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
    QCOMPARE(again.value().instances.at(0).probes, probes);
}

namespace {

// A minimal good inventory followed by `tail` (one more line of TOML).
QByteArray minimalWith(const QByteArray& tail)
{
    return "[[site]]\nid = \"a\"\nname = \"A\"\n\n[[node]]\nname = \"n\"\nsite = \"a\"\nuri = "
           "\"test:///default\"\n" +
           tail;
}

// Inventory::load() on another thread, given `seconds` to answer: a load that blocks is a failure,
// not a hung test. `unblock` is run if it does not answer in time (it must make the load return).
std::optional<Result<Inventory>> loadWithin(const QString& path, int seconds,
                                            const std::function<void()>& unblock)
{
    auto done = std::make_shared<std::promise<Result<Inventory>>>();
    std::future<Result<Inventory>> answer = done->get_future();
    std::thread([done, path] { done->set_value(Inventory::load(path)); }).detach();
    if (answer.wait_for(std::chrono::seconds(seconds)) == std::future_status::ready)
        return answer.get();
    unblock();
    answer.wait_for(std::chrono::seconds(seconds));
    return std::nullopt;
}

} // namespace

void TestInventory::specialFiles()
{
    // As root too: these are refused for what they are, not for their permissions.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto refused = [](const std::optional<Result<Inventory>>& result, const QString& kind) {
        QVERIFY2(result.has_value(), "Inventory::load() blocked");
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code, ErrorCode::InvalidInput);
        QCOMPARE(
            result->error().message,
            QStringLiteral("The inventory is %1, not a regular file; choose a TOML text file.").arg(kind));
    };

    const QString folder = dir.filePath(QStringLiteral("folder.toml"));
    QVERIFY(QDir().mkdir(folder));
    refused(loadWithin(folder, 20, [] {}), QStringLiteral("a folder"));

    // A named pipe with no writer: open() for reading would wait for one forever.
    const QString fifo = dir.filePath(QStringLiteral("fifo.toml"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    refused(loadWithin(fifo, 20,
                       [fifo] {
                           // Opening the other end lets a blocked reader go.
                           const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK);
                           if (fd >= 0)
                               ::close(fd);
                       }),
            QStringLiteral("a named pipe"));

    // Endless zeros: reading them all ran out of memory.
    refused(loadWithin(QStringLiteral("/dev/zero"), 20, [] {}), QStringLiteral("a device"));

    const QString socketPath = dir.filePath(QStringLiteral("s.toml"));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    const QByteArray encoded = QFile::encodeName(socketPath);
    QVERIFY(size_t(encoded.size()) < sizeof address.sun_path);
    std::memcpy(address.sun_path, encoded.constData(), size_t(encoded.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    refused(loadWithin(socketPath, 20, [] {}), QStringLiteral("a socket"));
    ::close(fd);

    // A path that goes through a regular file cannot be opened.
    const QString file = dir.filePath(QStringLiteral("file"));
    QVERIFY(writeFile(file, "x"));
    const auto through = Inventory::load(file + QStringLiteral("/inventory.toml"));
    QVERIFY(!through.ok());
    QCOMPARE(through.error().code, ErrorCode::NotFound);
}

void TestInventory::tooLarge()
{
    const QString message = QStringLiteral("The inventory file is larger than 4 MiB; an inventory is a short "
                                           "text file: check that this is the right file.");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Sparse: one byte over the limit, nothing read.
    const QString path = dir.filePath(QStringLiteral("big.toml"));
    QFile big(path);
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.resize(InventoryFile::MaxBytes + 1));
    big.close();
    const auto loaded = Inventory::load(path);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, ErrorCode::InvalidInput);
    QCOMPARE(loaded.error().message, message);

    // The parser checks it too, for text that did not come from load().
    QByteArray text = minimalWith("# ");
    text += QByteArray(InventoryFile::MaxBytes - text.size(), 'x');
    QVERIFY(Inventory::parse(text, QStringLiteral("at-limit.toml")).ok());
    text += 'x';
    const auto parsed = Inventory::parse(text, QStringLiteral("over.toml"));
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().message, message);
}

void TestInventory::nesting_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column"); // 0: accepted (or refused for another reason)

    QByteArray dotted = "a";
    for (int i = 0; i < 200000; ++i)
        dotted += ".a";
    // 200,000 nested dotted keys in 400 KB crashed Kumo (SIGSEGV in toml++).
    QTest::newRow("200,000 dotted keys") << dotted + " = 1\n" << 1 << 64;
    QTest::newRow("dotted keys under [[node]]") << minimalWith(dotted + " = 1\n") << 9 << 60;
    QByteArray header = "[a";
    for (int i = 0; i < 100000; ++i)
        header += ".a";
    QTest::newRow("table header") << header + "]\n" << 1 << 65;
    QTest::newRow("array of tables header") << "[" + header + "]]\n" << 1 << 64;
    QByteArray inlineTables = "x = ";
    for (int i = 0; i < 100000; ++i)
        inlineTables += "{a = ";
    QTest::newRow("inline tables") << inlineTables << 1 << 160;
    QByteArray arrays = "x = " + QByteArray(100000, '[') + QByteArray(100000, ']');
    QTest::newRow("arrays") << arrays << 1 << 36;
    QTest::newRow("quoted keys") << QByteArray("\"a.b.c\".'d.e'") + QByteArray(40, '.') + "f = 1\n"
                                 << 1 << 44;
    QTest::newRow("arrays over lines") << "x = [\n" + QByteArray(40, '[') + "\n" << 2 << 31;
    // Not nesting: brackets and dots inside strings and comments, and numbers.
    QTest::newRow("strings") << minimalWith("x = \"" + QByteArray(100, '[') + QByteArray(100, '.') +
                                            "\"\ny = '''" + QByteArray(100, '{') + "'''\n# " +
                                            QByteArray(100, '[') + "\nz = \"\"\"a\"\"\"\"\"\n")
                             << 0 << 0;
    QTest::newRow("numbers") << minimalWith("x = [" + QByteArray("1.5, ").repeated(100) + "2.5]\n") << 0 << 0;
}

void TestInventory::nesting()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    const auto result = Inventory::parse(text, QStringLiteral("deep.toml"));
    QVERIFY(!result.ok());
    const QString message = QStringLiteral("Tables, arrays or dotted keys are nested more than 32 levels "
                                           "deep here; an inventory needs only a few levels.");
    if (line == 0) {
        QVERIFY2(result.error().message != message, qPrintable(result.error().toString()));
        return;
    }
    QCOMPARE(result.error().message, message);
    QCOMPARE(result.error().line, line);
    QCOMPARE(result.error().column, column);
}

void TestInventory::names_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message"); // empty: accepted

    const QByteArray longest(255, 'n');
    const QString site = QStringLiteral("[[site]]");
    QTest::newRow("255 characters") << minimalWith("[[instance]]\nname = \"" + longest + "\"\n") << 10 << 1
                                    << QString();
    QTest::newRow("255 characters, some outside the BMP")
        << minimalWith("[[instance]]\nname = \"" + QByteArray(250, 'n') + "🏯🏯🏯🏯🏯\"\n") << 10 << 1
        << QString();
    QTest::newRow("256 characters")
        << minimalWith("[[instance]]\nname = \"" + longest + "x\"\n") << 10 << 8
        << QStringLiteral(
               "The key \"name\" in [[instance]] is 256 characters long; a name may have at most 255.");
    QTest::newRow("newline in a node name")
        << QByteArray("[[site]]\nid = \"a\"\nname = \"A\"\n[[node]]\nname = \"x\\ny\"\nsite = \"a\"\n"
                      "uri = \"test:///default\"\n")
        << 5 << 8
        << QStringLiteral("The key \"name\" in [[node]] contains the control character U+000A; a name is "
                          "one line of text without control characters.");
    QTest::newRow("escape in a campus name")
        << QByteArray("[[site]]\nid = \"a\"\nname = \"A\\u001b[31m\"\n") << 3 << 8
        << QStringLiteral("The key \"name\" in %1 contains the control character U+001B; a name is one "
                          "line of text without control characters.")
               .arg(site);
    QTest::newRow("C1 control in a Japanese campus name")
        << QByteArray("[[site]]\nid = \"a\"\nname = \"A\"\nname_ja = \"明\\u0085\"\n") << 4 << 11
        << QStringLiteral("The key \"name_ja\" in %1 contains the control character U+0085; a name is "
                          "one line of text without control characters.")
               .arg(site);
    QTest::newRow("line separator in an instance name")
        << minimalWith("[[instance]]\nname = \"a\\u2028b\"\n") << 10 << 8
        << QStringLiteral("The key \"name\" in [[instance]] contains the control character U+2028; a name "
                          "is one line of text without control characters.");
    QTest::newRow("tab in an anti-affinity group")
        << minimalWith("[[instance]]\nname = \"i\"\nanti_affinity = \"a\\tb\"\n") << 11 << 17
        << QStringLiteral("The key \"anti_affinity\" in [[instance]] contains the control character U+0009; "
                          "a name is one line of text without control characters.");
}

void TestInventory::names()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const auto result = Inventory::parse(text, QStringLiteral("names.toml"));
    if (message.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.error().message, message);
    QCOMPARE(result.error().line, line);
    QCOMPARE(result.error().column, column);
}

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
