// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Editing [[node]] tables in place: every byte outside the edited node stays as it was.
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "core/inventoryeditor.h"

using namespace kumo;

namespace {

// Hand-written: a file comment, comments between and after keys, inline comments, odd spacing,
// a comment that belongs to the next node, an inline array and instances after the nodes.
const QByteArray Handwritten = "# Campus cloud inventory — edited by hand, please keep the comments.\n"
                               "\n"
                               "[console]\n"
                               "poll_interval_ms   =   1500   # a bit faster than the default\n"
                               "\n"
                               "[[site]]\n"
                               "id = \"myodaiji\"\n"
                               "name = \"Myodaiji\"\n"
                               "position = [ 0.0 , 0.0 ]   # top left\n"
                               "\n"
                               "[[site]]\n"
                               "id = \"yamate\"\n"
                               "name = \"Yamate\"\n"
                               "position = [400, 0]\n"
                               "\n"
                               "# The first node: racked in 2024.\n"
                               "[[node]]\n"
                               "name = \"kvm1\"\n"
                               "site = \"myodaiji\"\n"
                               "# reached through the bastion's ssh\n"
                               "uri = \"qemu+ssh://ops@kvm1.example/system\"   # keep this comment\n"
                               "maintenance = false\n"
                               "\n"
                               "# kvm2 replaces the old kvm0.\n"
                               "[[node]]\n"
                               "  name     = 'kvm2'\n"
                               "  site     = \"yamate\"\n"
                               "  uri      = \"qemu+tls://kvm2.example/system\"\n"
                               "  read_only = true\n"
                               "\n"
                               "# Instances below.\n"
                               "[[instance]]\n"
                               "name = \"mail\"\n"
                               "home_node = \"kvm1\"\n";

NodeConfig node(const QString& name, const QString& site, const QString& uri)
{
    NodeConfig config;
    config.name = name;
    config.site = site;
    config.uri = uri;
    return config;
}

QByteArray ok(const Result<QByteArray>& result)
{
    if (!result) {
        qWarning() << result.error().toString();
        return {};
    }
    return result.value();
}

} // namespace

class TestInventoryEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addAppendsAfterTheLastNode();
    void editChangesOnlyTheChangedValues();
    void editRemovesAKeyThatMustBeAbsent();
    void renameKeepsEverythingElse();
    void removeTakesTheTableAndItsComment();
    void crlfStaysCrlf();
    void refusesWhatWouldNotParse();
    void refusesABrokenFile();
    void refusesInlineNodes();
    void refusesDuplicatesAndUnknownNodes();
    void fileKeepsItsMode();
    void addWithANewCampus();
    void firstNodeCreatesTheFile();
    void newSiteIdsAndColours();
};

void TestInventoryEditor::addAppendsAfterTheLastNode()
{
    const QByteArray after =
        ok(InventoryEditor::addNode(Handwritten,
                                    node(QStringLiteral("kvm3"), QStringLiteral("yamate"),
                                         QStringLiteral("qemu+ssh://[fd00::3]:2222/system")),
                                    QStringLiteral("inv.toml")));
    QVERIFY(!after.isEmpty());
    const qsizetype at =
        Handwritten.indexOf("  read_only = true\n") + qsizetype(qstrlen("  read_only = true\n"));
    const QByteArray inserted = "\n[[node]]\nname = \"kvm3\"\nsite = \"yamate\"\n"
                                "uri = \"qemu+ssh://[fd00::3]:2222/system\"\n";
    QCOMPARE(after, Handwritten.left(at) + inserted + Handwritten.mid(at));
    const auto parsed = Inventory::parse(after, {});
    QVERIFY(parsed);
    QCOMPARE(parsed->nodes.size(), 3);
    QCOMPARE(parsed->nodes.at(2).uri, QStringLiteral("qemu+ssh://[fd00::3]:2222/system"));
}

void TestInventoryEditor::editChangesOnlyTheChangedValues()
{
    const Inventory before = Inventory::parse(Handwritten, {}).value();
    NodeConfig kvm1 = *before.node(QStringLiteral("kvm1"));
    kvm1.uri = QStringLiteral("qemu+libssh://ops@kvm1.example/system?known_hosts=/k");
    kvm1.readOnly = true;
    kvm1.migrationTls = true;
    const QByteArray after = ok(
        InventoryEditor::replaceNode(Handwritten, QStringLiteral("kvm1"), kvm1, QStringLiteral("inv.toml")));
    QByteArray expected = Handwritten;
    expected.replace(
        "uri = \"qemu+ssh://ops@kvm1.example/system\"   # keep this comment\nmaintenance = false\n",
        "uri = \"qemu+libssh://ops@kvm1.example/system?known_hosts=/k\"   # keep this comment\n"
        "maintenance = false\nread_only = true\nmigration_tls = true\n");
    QCOMPARE(after, expected);

    // An indented table gets indented keys; a key that exists is rewritten where it stands.
    NodeConfig kvm2 = *before.node(QStringLiteral("kvm2"));
    kvm2.readOnly = false;
    kvm2.allowInsecure = true;
    kvm2.uri = QStringLiteral("qemu+tcp://kvm2.example/system");
    const QByteArray edited2 = ok(
        InventoryEditor::replaceNode(Handwritten, QStringLiteral("kvm2"), kvm2, QStringLiteral("inv.toml")));
    expected = Handwritten;
    expected.replace(
        "  uri      = \"qemu+tls://kvm2.example/system\"\n  read_only = true\n",
        "  uri      = \"qemu+tcp://kvm2.example/system\"\n  read_only = false\n  allow_insecure = true\n");
    QCOMPARE(edited2, expected);

    // Nothing changed: not a byte changes.
    QCOMPARE(
        ok(InventoryEditor::replaceNode(Handwritten, QStringLiteral("kvm2"),
                                        *before.node(QStringLiteral("kvm2")), QStringLiteral("inv.toml"))),
        Handwritten);
}

void TestInventoryEditor::editRemovesAKeyThatMustBeAbsent()
{
    QByteArray text = Handwritten;
    text.replace("maintenance = false\n",
                 "maintenance = false\ntrusted_migration_network = true # private net\n");
    const Inventory before = Inventory::parse(text, {}).value();
    NodeConfig kvm1 = *before.node(QStringLiteral("kvm1"));
    QCOMPARE(kvm1.trustedMigrationNetwork, std::optional<bool>(true));
    kvm1.trustedMigrationNetwork.reset(); // "the site decides" can only be said by leaving the key out
    const QByteArray after =
        ok(InventoryEditor::replaceNode(text, QStringLiteral("kvm1"), kvm1, QStringLiteral("inv.toml")));
    QCOMPARE(after, Handwritten);
}

void TestInventoryEditor::renameKeepsEverythingElse()
{
    QByteArray text = Handwritten;
    text.replace("home_node = \"kvm1\"", "home_node = \"kvm2\"");
    const Inventory before = Inventory::parse(text, {}).value();
    NodeConfig kvm1 = *before.node(QStringLiteral("kvm1"));
    kvm1.name = QStringLiteral("kvm1-new");
    const QByteArray after =
        ok(InventoryEditor::replaceNode(text, QStringLiteral("kvm1"), kvm1, QStringLiteral("inv.toml")));
    QByteArray expected = text;
    expected.replace("name = \"kvm1\"", "name = \"kvm1-new\"");
    QCOMPARE(after, expected);
}

void TestInventoryEditor::removeTakesTheTableAndItsComment()
{
    const QByteArray after =
        ok(InventoryEditor::removeNode(Handwritten, QStringLiteral("kvm2"), QStringLiteral("inv.toml")));
    const qsizetype from = Handwritten.indexOf("# kvm2 replaces");
    const qsizetype to = Handwritten.indexOf("# Instances below.");
    QCOMPARE(after, Handwritten.left(from) + Handwritten.mid(to));
    QCOMPARE(Inventory::parse(after, {})->nodes.size(), 1);

    // The first node: its comment goes, the comment before the next node stays with it.
    QByteArray text = Handwritten;
    text.replace("home_node = \"kvm1\"", "home_node = \"kvm2\"");
    const QByteArray first =
        ok(InventoryEditor::removeNode(text, QStringLiteral("kvm1"), QStringLiteral("inv.toml")));
    const qsizetype from1 = text.indexOf("# The first node");
    const qsizetype to1 = text.indexOf("# kvm2 replaces");
    QCOMPARE(first, text.left(from1) + text.mid(to1));
}

void TestInventoryEditor::crlfStaysCrlf()
{
    QByteArray text = Handwritten;
    text.replace("\n", "\r\n");
    const QByteArray added = ok(InventoryEditor::addNode(
        text, node(QStringLiteral("kvm3"), QStringLiteral("yamate"), QStringLiteral("qemu:///system")), {}));
    QVERIFY(!added.isEmpty());
    QCOMPARE(added.count("\n"), added.count("\r\n"));
    QVERIFY(added.startsWith(text.left(text.indexOf("# Instances below."))));
    QVERIFY(added.endsWith(text.mid(text.indexOf("\r\n# Instances below."))));
    const QByteArray removed = ok(InventoryEditor::removeNode(text, QStringLiteral("kvm2"), {}));
    QCOMPARE(removed.count("\n"), removed.count("\r\n"));
    QCOMPARE(removed,
             text.left(text.indexOf("# kvm2 replaces")) + text.mid(text.indexOf("# Instances below.")));
}

void TestInventoryEditor::refusesWhatWouldNotParse()
{
    // kvm1 is the home node of an instance: removing it would leave the file unreadable.
    const auto removed =
        InventoryEditor::removeNode(Handwritten, QStringLiteral("kvm1"), QStringLiteral("inv.toml"));
    QVERIFY(!removed);
    QVERIFY2(removed.error().message.contains(QStringLiteral("nothing was written")),
             qPrintable(removed.error().message));

    const auto unknownSite = InventoryEditor::addNode(
        Handwritten,
        node(QStringLiteral("kvm9"), QStringLiteral("nowhere"), QStringLiteral("qemu:///system")), {});
    QVERIFY(!unknownSite);
    QCOMPARE(unknownSite.error().code, ErrorCode::InvalidInput);

    const auto badUri = InventoryEditor::addNode(
        Handwritten, node(QStringLiteral("kvm9"), QStringLiteral("yamate"), QStringLiteral("no scheme")), {});
    QVERIFY(!badUri);
}

void TestInventoryEditor::refusesABrokenFile()
{
    QByteArray text = Handwritten;
    text.replace("maintenance = false", "maintenance = maybe");
    const auto result = InventoryEditor::addNode(
        text, node(QStringLiteral("kvm3"), QStringLiteral("yamate"), QStringLiteral("qemu:///system")), {});
    QVERIFY(!result);
    QVERIFY(result.error().message.contains(QStringLiteral("Fix the file first")));
}

void TestInventoryEditor::refusesInlineNodes()
{
    const QByteArray text = "node = [ { name = \"n1\", site = \"a\", uri = \"qemu:///system\" } ]\n\n"
                            "[[site]]\nid = \"a\"\nname = \"A\"\n";
    QVERIFY(Inventory::parse(text, {}));
    const auto result = InventoryEditor::addNode(
        text, node(QStringLiteral("n2"), QStringLiteral("a"), QStringLiteral("qemu:///session")), {});
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Unsupported);
}

void TestInventoryEditor::refusesDuplicatesAndUnknownNodes()
{
    const auto duplicate = InventoryEditor::addNode(
        Handwritten, node(QStringLiteral("kvm2"), QStringLiteral("yamate"), QStringLiteral("qemu:///system")),
        {});
    QVERIFY(!duplicate);
    const auto unknown = InventoryEditor::removeNode(Handwritten, QStringLiteral("kvm7"), {});
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    NodeConfig kvm1 = *Inventory::parse(Handwritten, {})->node(QStringLiteral("kvm1"));
    kvm1.name = QStringLiteral("kvm2");
    QVERIFY(!InventoryEditor::replaceNode(Handwritten, QStringLiteral("kvm1"), kvm1, {}));
}

void TestInventoryEditor::fileKeepsItsMode()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("inventory.toml"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(Handwritten);
    }
    const QFileDevice::Permissions secret = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QVERIFY(QFile::setPermissions(path, secret));
    const QFileDevice::Permissions before = QFile::permissions(path);
    QVERIFY(!(before & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));

    const Result<Inventory> added = InventoryEditor::addNode(
        path, node(QStringLiteral("kvm3"), QStringLiteral("yamate"), QStringLiteral("qemu:///system")));
    QVERIFY2(added, added ? "" : qPrintable(added.error().toString()));
    QCOMPARE(added->nodes.size(), 3);
    QCOMPARE(QFile::permissions(path), before);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY(written.startsWith(Handwritten.left(Handwritten.indexOf("# Instances below."))));
    file.close();

    // A refused change leaves the file alone.
    const Result<Inventory> refused = InventoryEditor::removeNode(path, QStringLiteral("kvm1"));
    QVERIFY(!refused);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), written);
    QCOMPARE(QFile::permissions(path), before);
}

void TestInventoryEditor::addWithANewCampus()
{
    Site annex = InventoryEditor::newSite(QStringLiteral("Tokyo Annex"), *Inventory::parse(Handwritten, {}));
    QCOMPARE(annex.id, QStringLiteral("tokyo-annex"));
    const QByteArray after = ok(InventoryEditor::addNode(
        Handwritten, node(QStringLiteral("kvm3"), annex.id, QStringLiteral("qemu:///system")),
        QStringLiteral("inv.toml"), annex));
    QVERIFY(!after.isEmpty());
    // The campus after the last campus, the node after the last node; nothing else moves.
    QByteArray expected = Handwritten;
    const QByteArray node2 = "  read_only = true\n";
    expected.insert(expected.indexOf(node2) + node2.size(),
                    "\n[[node]]\nname = \"kvm3\"\nsite = \"tokyo-annex\"\nuri = \"qemu:///system\"\n");
    const QByteArray site2 = "position = [400, 0]\n";
    expected.insert(expected.indexOf(site2) + site2.size(),
                    "\n[[site]]\nid = \"tokyo-annex\"\nname = \"Tokyo Annex\"\ncolor = \"" +
                        annex.color.toUtf8() + "\"\n");
    QCOMPARE(after, expected);
    const auto parsed = Inventory::parse(after, {});
    QVERIFY(parsed);
    QCOMPARE(parsed->sites.size(), 3);
    QCOMPARE(parsed->sites.at(2), annex);
    QCOMPARE(parsed->node(QStringLiteral("kvm3"))->site, QStringLiteral("tokyo-annex"));

    // A campus that is already there is chosen, not added again.
    Site yamate = annex;
    yamate.id = QStringLiteral("yamate");
    const auto again = InventoryEditor::addNode(
        Handwritten, node(QStringLiteral("kvm3"), yamate.id, QStringLiteral("qemu:///system")), {}, yamate);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::InvalidInput);
}

void TestInventoryEditor::firstNodeCreatesTheFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A first start: neither the file nor its folder exists.
    const QString path = dir.filePath(QStringLiteral("config/kumo/inventory.toml"));
    const Site campus = InventoryEditor::newSite(QStringLiteral("明大寺"), Inventory{});
    QCOMPARE(campus.id, QStringLiteral("campus"));
    QCOMPARE(campus.name, QStringLiteral("明大寺"));

    // Without a campus to go with it, the first node has nowhere to be.
    const NodeConfig first =
        node(QStringLiteral("kvm1"), campus.id, QStringLiteral("qemu+ssh://kvm1.example/system"));
    const Result<Inventory> homeless = InventoryEditor::addNode(path, first);
    QVERIFY(!homeless);
    QVERIFY(!QFileInfo::exists(path));

    const Result<Inventory> created = InventoryEditor::addNode(path, first, campus);
    QVERIFY2(created, created ? "" : qPrintable(created.error().toString()));
    QCOMPARE(created->sites.size(), 1);
    QCOMPARE(created->sites.constFirst(), campus);
    QCOMPARE(created->nodes.size(), 1);
    QCOMPARE(created->nodes.constFirst(), first);
    QCOMPARE(Inventory::load(path).value(), created.value());

    // The next node is an edit in place: the header the file was made with stays.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray made = file.readAll();
    file.close();
    QVERIFY(made.startsWith("# Kumo inventory"));
    const Result<Inventory> second = InventoryEditor::addNode(
        path, node(QStringLiteral("kvm2"), campus.id, QStringLiteral("qemu+ssh://kvm2.example/system")));
    QVERIFY(second);
    QCOMPARE(second->nodes.size(), 2);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith(made));
}

void TestInventoryEditor::newSiteIdsAndColours()
{
    Inventory inventory = *Inventory::parse(Handwritten, {});
    QCOMPARE(InventoryEditor::newSite(QStringLiteral("  Yamate  "), inventory).id,
             QStringLiteral("yamate-2"));
    QCOMPARE(InventoryEditor::newSite(QStringLiteral("Myōdaiji West_2"), inventory).id,
             QStringLiteral("myodaiji-west-2"));
    QCOMPARE(InventoryEditor::newSite(QStringLiteral("山手 B"), inventory).id, QStringLiteral("b"));
    // Colours: each new campus gets one no other campus has.
    QStringList colours;
    for (int i = 0; i < 3; ++i) {
        Site site = InventoryEditor::newSite(QStringLiteral("Campus"), inventory);
        QVERIFY(!site.color.isEmpty());
        QVERIFY(!colours.contains(site.color));
        colours.append(site.color);
        inventory.sites.append(site);
    }
    QCOMPARE(inventory.sites.at(2).id, QStringLiteral("campus"));
    QCOMPARE(inventory.sites.at(3).id, QStringLiteral("campus-2"));
}

QTEST_GUILESS_MAIN(TestInventoryEditor)
#include "tst_inventoryeditor.moc"
