// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A node's URI taken apart for the node dialog and put back together, and what the dialog says
// is wrong with an address.
#include <QTest>

#include "core/nodeaddress.h"

using namespace kumo;
using Transport = NodeAddress::Transport;

Q_DECLARE_METATYPE(kumo::NodeAddress)

class TestNodeAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void uriTheFieldsCannotSayStaysText_data();
    void uriTheFieldsCannotSayStaysText();
    void escaping();
    void validation_data();
    void validation();
    void validAddressesHaveNoProblems();
};

void TestNodeAddress::roundTrip_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<int>("transport");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("keyfile");
    QTest::addColumn<QString>("knownHosts");
    QTest::addColumn<bool>("noVerify");

    QTest::newRow("local") << "qemu:///system" << int(Transport::Local) << ""
                           << "" << 0 << "/system"
                           << ""
                           << "" << false;
    QTest::newRow("local session") << "qemu:///session" << int(Transport::Local) << ""
                                   << "" << 0 << "/session"
                                   << ""
                                   << "" << false;
    QTest::newRow("ssh") << "qemu+ssh://kvm1.example/system" << int(Transport::Ssh) << ""
                         << "kvm1.example" << 0 << "/system"
                         << ""
                         << "" << false;
    QTest::newRow("ssh user port") << "qemu+ssh://admin@kvm1.example:2222/system" << int(Transport::Ssh)
                                   << "admin"
                                   << "kvm1.example" << 2222 << "/system"
                                   << ""
                                   << "" << false;
    QTest::newRow("ipv4") << "qemu+tls://192.0.2.10/system" << int(Transport::Tls) << ""
                          << "192.0.2.10" << 0 << "/system"
                          << ""
                          << "" << false;
    QTest::newRow("ipv6") << "qemu+ssh://root@[fd00::2]:22/system" << int(Transport::Ssh) << "root"
                          << "fd00::2" << 22 << "/system"
                          << ""
                          << "" << false;
    QTest::newRow("ipv6 no port") << "qemu+tls://[2001:db8::1]/system" << int(Transport::Tls) << ""
                                  << "2001:db8::1" << 0 << "/system"
                                  << ""
                                  << "" << false;
    QTest::newRow("keyfile") << "qemu+ssh://kvm1/system?keyfile=/home/ops/.ssh/id_ed25519"
                             << int(Transport::Ssh) << ""
                             << "kvm1" << 0 << "/system"
                             << "/home/ops/.ssh/id_ed25519"
                             << "" << false;
    QTest::newRow("libssh known_hosts") << "qemu+libssh://ops@kvm2/system?keyfile=/k/id&known_hosts=/k/known"
                                        << int(Transport::Libssh) << "ops"
                                        << "kvm2" << 0 << "/system"
                                        << "/k/id"
                                        << "/k/known" << false;
    QTest::newRow("tls no_verify") << "qemu+tls://kvm3:16514/system?no_verify=1" << int(Transport::Tls) << ""
                                   << "kvm3" << 16514 << "/system"
                                   << ""
                                   << "" << true;
    QTest::newRow("tcp") << "qemu+tcp://10.0.0.4:16509/system" << int(Transport::Tcp) << ""
                         << "10.0.0.4" << 16509 << "/system"
                         << ""
                         << "" << false;
    QTest::newRow("escaped keyfile") << "qemu+ssh://kvm1/system?keyfile=/home/a%20b/id%26x"
                                     << int(Transport::Ssh) << ""
                                     << "kvm1" << 0 << "/system"
                                     << "/home/a b/id&x"
                                     << "" << false;
    QTest::newRow("escaped user") << "qemu+ssh://ops%40corp@kvm1/system" << int(Transport::Ssh) << "ops@corp"
                                  << "kvm1" << 0 << "/system"
                                  << ""
                                  << "" << false;
}

void TestNodeAddress::roundTrip()
{
    QFETCH(QString, uri);
    QFETCH(int, transport);
    QFETCH(QString, user);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, path);
    QFETCH(QString, keyfile);
    QFETCH(QString, knownHosts);
    QFETCH(bool, noVerify);

    const auto address = NodeAddress::fromUri(uri);
    QVERIFY2(address.has_value(), qPrintable(uri));
    QCOMPARE(address->driver, QStringLiteral("qemu"));
    QCOMPARE(int(address->transport), transport);
    QCOMPARE(address->user, user);
    QCOMPARE(address->host, host);
    QCOMPARE(address->port, port);
    QCOMPARE(address->path, path);
    QCOMPARE(address->keyfile, keyfile);
    QCOMPARE(address->knownHosts, knownHosts);
    QCOMPARE(address->noVerify, noVerify);
    QCOMPARE(address->toUri(), uri);

    // Built from the fields, the same URI comes out.
    NodeAddress built;
    built.transport = Transport(transport);
    built.user = user;
    built.host = host;
    built.port = port;
    built.path = path;
    built.keyfile = keyfile;
    built.knownHosts = knownHosts;
    built.noVerify = noVerify;
    QCOMPARE(built.toUri(), uri);
    QCOMPARE(built, *address);
}

void TestNodeAddress::uriTheFieldsCannotSayStaysText_data()
{
    QTest::addColumn<QString>("uri");
    QTest::newRow("other driver") << "test:///default";
    QTest::newRow("explicit unix") << "qemu+unix:///system";
    QTest::newRow("ext") << "qemu+ext:///system?command=/bin/x";
    QTest::newRow("other option") << "qemu+ssh://kvm1/system?socket=/run/x.sock";
    QTest::newRow("options in another order") << "qemu+libssh://kvm2/system?known_hosts=/k&keyfile=/i";
    QTest::newRow("no_verify=0") << "qemu+tls://kvm3/system?no_verify=0";
    QTest::newRow("fragment") << "qemu+ssh://kvm1/system#x";
    QTest::newRow("other spelling of a host") << "qemu+ssh://KVM1/system";
    QTest::newRow("not a URI") << "kvm1";
}

void TestNodeAddress::uriTheFieldsCannotSayStaysText()
{
    QFETCH(QString, uri);
    QVERIFY(!NodeAddress::fromUri(uri).has_value());
}

void TestNodeAddress::escaping()
{
    NodeAddress address;
    address.transport = Transport::Ssh;
    address.host = QStringLiteral("fd00::5");
    address.user = QStringLiteral("a b");
    address.keyfile = QStringLiteral("/keys/id?x=1&y#z");
    const QString uri = address.toUri();
    QCOMPARE(uri, QStringLiteral("qemu+ssh://a%20b@[fd00::5]/system?keyfile=/keys/id%3Fx%3D1%26y%23z"));
    QCOMPARE(NodeAddress::uriProblem(uri), QString());
    QCOMPARE(NodeAddress::fromUri(uri), std::optional<NodeAddress>(address));
}

void TestNodeAddress::validation_data()
{
    QTest::addColumn<NodeAddress>("address");
    QTest::addColumn<QString>("problem"); // a fragment of the one expected sentence

    NodeAddress noHost;
    noHost.transport = Transport::Ssh;
    QTest::newRow("remote without host") << noHost << "enter its host name or address";

    NodeAddress badHost = noHost;
    badHost.host = QStringLiteral("kvm 1/x");
    QTest::newRow("bad host") << badHost << "is not a host name or an IP address";

    NodeAddress localHost;
    localHost.host = QStringLiteral("kvm1");
    QTest::newRow("local with host") << localHost << "leave the host empty";

    NodeAddress localUser;
    localUser.user = QStringLiteral("root");
    QTest::newRow("local with user") << localUser << "A user name is only used by a remote transport";

    NodeAddress localPort;
    localPort.port = 22;
    QTest::newRow("local with port") << localPort << "A port is only used by a remote transport";

    NodeAddress highPort = noHost;
    highPort.host = QStringLiteral("kvm1");
    highPort.port = 70000;
    QTest::newRow("port out of range") << highPort << "between 1 and 65535";

    NodeAddress badPath = highPort;
    badPath.port = 0;
    badPath.path = QStringLiteral("/other");
    QTest::newRow("path") << badPath << "/system";

    NodeAddress tlsKey = badPath;
    tlsKey.path = QStringLiteral("/system");
    tlsKey.transport = Transport::Tls;
    tlsKey.keyfile = QStringLiteral("/k");
    QTest::newRow("keyfile with tls") << tlsKey << "the tls transport ignores it";

    NodeAddress sshKnownHosts = tlsKey;
    sshKnownHosts.transport = Transport::Ssh;
    sshKnownHosts.keyfile.clear();
    sshKnownHosts.knownHosts = QStringLiteral("/k");
    QTest::newRow("known_hosts with ssh") << sshKnownHosts << "only read by the libssh transport";

    NodeAddress tcpNoVerify = sshKnownHosts;
    tcpNoVerify.transport = Transport::Tcp;
    tcpNoVerify.knownHosts.clear();
    tcpNoVerify.noVerify = true;
    QTest::newRow("no_verify with tcp") << tcpNoVerify << "no_verify only applies";

    NodeAddress spaceUser = sshKnownHosts;
    spaceUser.knownHosts.clear();
    spaceUser.user = QStringLiteral("a b");
    QTest::newRow("user with space") << spaceUser << "must not contain spaces";
}

void TestNodeAddress::validation()
{
    QFETCH(NodeAddress, address);
    QFETCH(QString, problem);
    const QStringList problems = address.validate();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.constFirst().contains(problem), qPrintable(problems.constFirst()));
}

void TestNodeAddress::validAddressesHaveNoProblems()
{
    NodeAddress local;
    QCOMPARE(local.validate(), QStringList());
    NodeAddress ssh;
    ssh.transport = Transport::Libssh;
    ssh.host = QStringLiteral("fd00::2");
    ssh.user = QStringLiteral("ops");
    ssh.port = 2222;
    ssh.keyfile = QStringLiteral("/k/id");
    ssh.knownHosts = QStringLiteral("/k/known");
    QCOMPARE(ssh.validate(), QStringList());
    NodeAddress tls;
    tls.transport = Transport::Tls;
    tls.host = QStringLiteral("kvm3.example");
    tls.noVerify = true;
    QCOMPARE(tls.validate(), QStringList());
}

QTEST_GUILESS_MAIN(TestNodeAddress)
#include "tst_nodeaddress.moc"
