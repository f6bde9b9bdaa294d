// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/nodedialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "app/cluster/connectiontester.h"
#include "app/i18n/language.h"
#include "core/connectionfacts.h"
#include "core/connectionsecurity.h"
#include "core/inventoryeditor.h"

namespace kumo {

namespace {

const QString Advanced = QStringLiteral("advanced");

QLabel* wrappingLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

NodeDialog::NodeDialog(const Inventory& inventory, CredentialProvider* credentials, const QString& original,
                       QWidget* parent)
    : QDialog(parent)
    , m_inventory(inventory)
    , m_originalName(original)
    , m_tester(new ConnectionTester(credentials, this))
{
    buildForm();
    NodeConfig node;
    if (const NodeConfig* existing = m_inventory.node(original))
        node = *existing;
    else if (!m_inventory.sites.isEmpty())
        node.site = m_inventory.sites.constFirst().id;
    if (node.uri.isEmpty())
        node.uri = QStringLiteral("qemu+ssh://");
    m_node = node;
    load(node);
    setWindowTitle(m_originalName.isEmpty() ? tr("Add Node") : tr("Edit Node %1").arg(m_originalName));
    connect(m_tester, &ConnectionTester::finished, this, &NodeDialog::showTestResult);
}

NodeDialog::~NodeDialog() = default;

void NodeDialog::buildForm()
{
    auto* form = new QFormLayout;
    m_form = form;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. myodaiji-kvm3"));
    form->addRow(tr("&Name:"), m_name);

    // A campus of the inventory, or the name of a new one.
    m_site = new QComboBox(this);
    m_site->setEditable(true);
    m_site->setInsertPolicy(QComboBox::NoInsert);
    // As wide as the text fields: a typed name is not cut off, nor the note under it.
    m_site->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_site->lineEdit()->setPlaceholderText(tr("e.g. Myodaiji"));
    for (const Site& site : m_inventory.sites)
        m_site->addItem(site.displayName(language::current()), site.id);
    form->addRow(tr("&Campus:"), m_site);
    m_siteNote = wrappingLabel(this);
    m_siteNote->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred); // the field's width
    form->addRow(QString(), m_siteNote);

    m_transport = new QComboBox(this);
    m_transport->addItem(tr("SSH (OpenSSH)"), QStringLiteral("ssh"));
    m_transport->addItem(tr("libssh (built into libvirt)"), QStringLiteral("libssh"));
    m_transport->addItem(tr("TLS (certificates)"), QStringLiteral("tls"));
    m_transport->addItem(tr("TCP (unencrypted)"), QStringLiteral("tcp"));
    m_transport->addItem(tr("Local (this machine)"), QString());
    m_transport->addItem(tr("Advanced: URI as text"), Advanced);
    form->addRow(tr("&Transport:"), m_transport);

    m_host = new QLineEdit(this);
    m_host->setPlaceholderText(tr("host name or IP address"));
    form->addRow(tr("&Host:"), m_host);

    m_user = new QLineEdit(this);
    m_user->setPlaceholderText(tr("as configured for ssh"));
    form->addRow(tr("&User:"), m_user);

    m_port = new QSpinBox(this);
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default"));
    form->addRow(tr("&Port:"), m_port);

    m_path = new QComboBox(this);
    m_path->addItem(tr("/system (system daemon)"), QStringLiteral("/system"));
    m_path->addItem(tr("/session (user's own daemon)"), QStringLiteral("/session"));
    form->addRow(tr("&Daemon:"), m_path);

    m_keyfile = new QLineEdit(this);
    m_keyfile->setPlaceholderText(tr("optional, e.g. ~/.ssh/id_ed25519"));
    form->addRow(tr("&Key file:"), m_keyfile);

    m_knownHosts = new QLineEdit(this);
    m_knownHosts->setPlaceholderText(tr("optional (libssh only)"));
    form->addRow(tr("Known h&osts file:"), m_knownHosts);

    m_noVerify = new QCheckBox(tr("Do not &verify the node's identity (no_verify)"), this);
    form->addRow(QString(), m_noVerify);
    m_noVerifyWarning = wrappingLabel(this);
    m_noVerifyWarning->setStyleSheet(QStringLiteral("color: #8a5300;"));
    m_noVerifyWarning->setText(
        tr("Warning: with no_verify Kumo cannot tell the real node from an impostor on the network, so it "
           "counts as an insecure connection and needs \"Allow insecure connection\" below."));
    form->addRow(m_noVerifyWarning); // both columns: room for the sentence

    m_uriText = new QLineEdit(this);
    m_uriText->setPlaceholderText(QStringLiteral("qemu+ssh://user@host/system"));
    form->addRow(tr("UR&I:"), m_uriText);

    m_allowInsecure = new QCheckBox(tr("&Allow insecure connection (trusted network only)"), this);
    m_readOnly = new QCheckBox(tr("&Read-only: monitor, never change"), this);
    m_migrationTls = new QCheckBox(tr("&Migration TLS (QEMU has migration certificates)"), this);
    form->addRow(QString(), m_allowInsecure);
    form->addRow(QString(), m_readOnly);
    form->addRow(QString(), m_migrationTls);

    m_uriView = new QLineEdit(this);
    m_uriView->setReadOnly(true);
    m_uriView->setFocusPolicy(Qt::ClickFocus);
    form->addRow(tr("Connects to:"), m_uriView);

    m_addressFields = {m_host, m_user, m_port, m_path, m_keyfile, m_knownHosts, m_noVerify};

    m_problems = wrappingLabel(this);
    m_problems->setStyleSheet(QStringLiteral("color: #b3261e;"));

    m_test = new QPushButton(tr("Te&st Connection"), this);
    m_test->setAutoDefault(false);
    m_testResult = wrappingLabel(this);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_test, 0, Qt::AlignTop);
    testRow->addWidget(m_testResult, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    okButton()->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problems);
    layout->addLayout(testRow);
    layout->addWidget(m_buttons);
    setMinimumWidth(600);

    for (QLineEdit* edit : {m_name, m_host, m_user, m_keyfile, m_knownHosts, m_uriText})
        connect(edit, &QLineEdit::textChanged, this, &NodeDialog::update);
    for (QComboBox* box : {m_transport, m_path})
        connect(box, &QComboBox::currentIndexChanged, this, &NodeDialog::update);
    connect(m_site, &QComboBox::currentTextChanged, this, &NodeDialog::update);
    for (QCheckBox* box : {m_noVerify, m_allowInsecure, m_readOnly, m_migrationTls})
        connect(box, &QCheckBox::toggled, this, &NodeDialog::update);
    connect(m_port, &QSpinBox::valueChanged, this, &NodeDialog::update);
    // Switching to the text mode starts from the URI the fields built.
    connect(m_transport, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading && isAdvanced() && m_uriText->text().isEmpty())
            m_uriText->setText(m_uriView->text());
    });
    connect(m_test, &QPushButton::clicked, this, &NodeDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NodeDialog::reject);

    const QList<QWidget*> order{m_name,       m_site,         m_transport, m_host,
                                m_user,       m_port,         m_path,      m_keyfile,
                                m_knownHosts, m_noVerify,     m_uriText,   m_allowInsecure,
                                m_readOnly,   m_migrationTls, m_test,      m_buttons};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

void NodeDialog::load(const NodeConfig& node)
{
    m_loading = true;
    m_name->setText(node.name);
    m_site->setCurrentIndex(std::max(0, m_site->findData(node.site)));
    if (const auto address = NodeAddress::fromUri(node.uri)) {
        m_transport->setCurrentIndex(m_transport->findData(NodeAddress::transportKey(address->transport)));
        m_host->setText(address->host);
        m_user->setText(address->user);
        m_port->setValue(address->port);
        m_path->setCurrentIndex(std::max(0, m_path->findData(address->path)));
        m_keyfile->setText(address->keyfile);
        m_knownHosts->setText(address->knownHosts);
        m_noVerify->setChecked(address->noVerify);
    } else if (node.uri == u"qemu+ssh://") {
        m_transport->setCurrentIndex(m_transport->findData(QStringLiteral("ssh")));
    } else {
        m_transport->setCurrentIndex(m_transport->findData(Advanced));
        m_uriText->setText(node.uri);
    }
    m_allowInsecure->setChecked(node.allowInsecure);
    m_readOnly->setChecked(node.readOnly);
    m_migrationTls->setChecked(node.migrationTls);
    m_loading = false;
    update();
}

bool NodeDialog::isAdvanced() const
{
    return m_transport->currentData().toString() == Advanced;
}

NodeAddress NodeDialog::address() const
{
    NodeAddress address;
    address.transport = NodeAddress::transportFromKey(m_transport->currentData().toString())
                            .value_or(NodeAddress::Transport::Ssh);
    address.host = m_host->text().trimmed();
    address.user = m_user->text().trimmed();
    address.port = m_port->value();
    address.path = m_path->currentData().toString();
    address.keyfile = m_keyfile->text().trimmed();
    address.knownHosts = m_knownHosts->text().trimmed();
    address.noVerify = m_noVerify->isChecked();
    return address;
}

QString NodeDialog::uri() const
{
    return isAdvanced() ? m_uriText->text().trimmed() : address().toUri();
}

QString NodeDialog::existingSiteId() const
{
    const QString text = m_site->currentText().simplified();
    for (const Site& site : m_inventory.sites) {
        if (text == site.id || text == site.name || (!site.nameJa.isEmpty() && text == site.nameJa))
            return site.id;
    }
    return {};
}

std::optional<Site> NodeDialog::newSite() const
{
    const QString text = m_site->currentText().simplified();
    if (text.isEmpty() || !existingSiteId().isEmpty())
        return std::nullopt;
    return InventoryEditor::newSite(text, m_inventory);
}

NodeConfig NodeDialog::nodeConfig() const
{
    NodeConfig node = m_node;
    node.name = m_name->text().trimmed();
    const std::optional<Site> site = newSite();
    node.site = site ? site->id : existingSiteId();
    node.uri = uri();
    node.allowInsecure = m_allowInsecure->isChecked();
    node.readOnly = m_readOnly->isChecked();
    node.migrationTls = m_migrationTls->isChecked();
    return node;
}

QStringList NodeDialog::problems() const
{
    QStringList problems;
    const NodeConfig node = nodeConfig();
    if (node.name.isEmpty())
        problems.append(tr("Enter a name for the node."));
    else if (node.name != m_originalName && m_inventory.node(node.name))
        problems.append(
            tr("A node named \"%1\" is already in the inventory; choose another name.").arg(node.name));
    if (node.site.isEmpty())
        problems.append(tr("Choose the campus the node belongs to, or type the name of a new one."));
    if (isAdvanced()) {
        if (node.uri.isEmpty())
            problems.append(tr("Enter the node's libvirt URI."));
        else if (const QString problem = NodeAddress::uriProblem(node.uri); !problem.isEmpty())
            problems.append(problem);
    } else {
        problems.append(address().validate());
    }
    if (problems.isEmpty()) {
        const ConnectionSecurity security = ConnectionSecurity::of(node.uri);
        if (security.kind == ConnectionSecurity::Kind::Insecure && !node.allowInsecure)
            problems.append(tr("%1 Kumo refuses such a connection unless \"Allow insecure connection\" is "
                               "ticked; tick it only for a network you trust, or choose ssh or tls.")
                                .arg(security.reason));
    }
    return problems;
}

void NodeDialog::update()
{
    if (m_loading)
        return;
    const bool advanced = isAdvanced();
    QFormLayout* form = m_form;
    for (QWidget* field : m_addressFields)
        form->setRowVisible(field, !advanced);
    form->setRowVisible(m_uriText, advanced);
    form->setRowVisible(m_noVerifyWarning, !advanced && m_noVerify->isChecked());

    const NodeAddress::Transport transport = address().transport;
    const bool remote = address().isRemote();
    m_host->setEnabled(remote);
    m_user->setEnabled(remote);
    m_port->setEnabled(remote);
    const bool ssh = transport == NodeAddress::Transport::Ssh || transport == NodeAddress::Transport::Libssh;
    m_keyfile->setEnabled(ssh || !m_keyfile->text().isEmpty());
    m_knownHosts->setEnabled(transport == NodeAddress::Transport::Libssh || !m_knownHosts->text().isEmpty());

    const std::optional<Site> site = newSite();
    m_siteNote->setText(
        site ? tr("A new campus \"%1\" is added to the inventory with this node.").arg(site->name)
             : QString());
    form->setRowVisible(m_siteNote, site.has_value());

    m_uriView->setText(uri());
    const QStringList problems = this->problems();
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
    okButton()->setEnabled(problems.isEmpty());
    okButton()->setToolTip(problems.isEmpty() ? QString() : problems.constFirst());
    m_test->setEnabled(problems.isEmpty() && !m_tester->isTesting());
}

QPushButton* NodeDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void NodeDialog::testConnection()
{
    if (!problems().isEmpty())
        return;
    const NodeConfig node = nodeConfig();
    m_testResult->setText(node.readOnly ? tr("Connecting read-only to %1…").arg(node.uri)
                                        : tr("Connecting to %1…").arg(node.uri));
    m_tester->test(node);
    m_test->setEnabled(false);
}

void NodeDialog::showTestResult(quint64, const ConnectionFacts& facts, const Error& error)
{
    update();
    if (error.code != ErrorCode::None) {
        QString text = tr("The connection failed: %1").arg(error.message);
        if (!error.detail.isEmpty())
            text += QLatin1Char('\n') + error.detail;
        m_testResult->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_testResult->setText(text);
        return;
    }
    const QLocale locale;
    QStringList lines;
    lines.append(tr("Connected to %1.").arg(facts.hostname));
    lines.append(tr("libvirt %1, %2 %3")
                     .arg(facts.libvirtVersion, facts.hypervisor, facts.hypervisorVersion)
                     .trimmed());
    lines.append(tr("CPUs: %1 (%2)")
                     .arg(facts.cpus)
                     .arg(facts.cpuModel.isEmpty() ? tr("model unknown") : facts.cpuModel));
    lines.append(tr("Memory: %1").arg(locale.formattedDataSize(qint64(facts.memoryKiB) * 1024)));
    if (facts.readOnly)
        lines.append(tr("Opened read-only."));
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(lines.join(QLatin1Char('\n')));
}

void NodeDialog::reject()
{
    // An answer that comes later is dropped; the test itself ends on its own.
    m_tester->cancel();
    QDialog::reject();
}

} // namespace kumo
