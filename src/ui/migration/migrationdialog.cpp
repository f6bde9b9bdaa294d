// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/migration/migrationdialog.h"

#include <QEvent>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QStandardItemModel>
#include <QTreeWidgetItem>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/migration/migrationcontroller.h"
#include "core/migrationpath.h"
#include "core/sentences.h"
#include "ui/checkpresentation.h"
#include "ui/plaintext.h"
#include "ui_migrationdialog.h"

namespace kumo {

MigrationDialog::MigrationDialog(MigrationController* controller, const QStringList& uuids,
                                 const QString& destinationNode, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::MigrationDialog>())
    , m_controller(controller)
    , m_uuids(uuids)
    , m_destination(destinationNode)
{
    m_ui->setupUi(this);
    // The checks' words name the instances, whose names may be one long word: the verdict wraps
    // in the width the form has, never widens the dialog.
    m_ui->verdictLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_migrateButton = m_ui->buttonBox->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_migrateButton->setDefault(true);
    m_migrateButton->setAutoDefault(true);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &MigrationDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &MigrationDialog::reject);
    connect(m_ui->copyStorageCheck, &QCheckBox::clicked, this, [this] { m_copyStorageTouched = true; });
    connect(m_ui->liveRadio, &QRadioButton::toggled, this, [this](bool live) {
        // Post-copy and auto-converge only mean something while the guest keeps running.
        m_ui->postCopyCheck->setEnabled(live);
        m_ui->autoConvergeCheck->setEnabled(live);
    });

    for (QAbstractButton* button : {static_cast<QAbstractButton*>(m_ui->liveRadio),
                                    static_cast<QAbstractButton*>(m_ui->peerToPeerRadio),
                                    static_cast<QAbstractButton*>(m_ui->postCopyCheck),
                                    static_cast<QAbstractButton*>(m_ui->copyStorageCheck)})
        connect(button, &QAbstractButton::toggled, this, &MigrationDialog::updateTransport);
    connect(m_ui->transportCombo, &QComboBox::currentIndexChanged, this, &MigrationDialog::updateTransport);

    fillTransports();
    setOptions(controller->defaultOptions());
    m_ui->skipConfirmCheck->setChecked(skipSameCampusConfirmation());
    const NodeConfig* destination = controller->cluster()->inventory().node(destinationNode);
    QString address = destination ? destination->migrationUri : QString();
    if (address.isEmpty() && destination)
        address = destination->migrationAddress;
    m_ui->migrationUriEdit->setText(address);

    connect(controller, &MigrationController::checkFinished, this, &MigrationDialog::onCheckFinished);
    for (const QString& uuid : uuids) {
        m_results.insert(uuid, controller->bestKnownCheck(uuid, destinationNode));
        if (!m_results.value(uuid).complete)
            m_pending.insert(controller->requestCheck(uuid, destinationNode), uuid);
    }
    retranslate();
    resize(sizeHint().expandedTo(QSize(560, 0)));
    m_migrateButton->setFocus();
}

MigrationDialog::~MigrationDialog() = default;

bool MigrationDialog::skipSameCampusConfirmation()
{
    return QSettings().value(QLatin1String(SkipSameCampusKey), false).toBool();
}

void MigrationDialog::setSkipSameCampusConfirmation(bool skip)
{
    QSettings().setValue(QLatin1String(SkipSameCampusKey), skip);
}

MigrationOptions MigrationDialog::options() const
{
    MigrationOptions options;
    options.live = m_ui->liveRadio->isChecked();
    options.persistDestination = m_ui->persistCheck->isChecked();
    options.undefineSource = m_ui->persistCheck->isChecked();
    options.bandwidthMiBs = quint64(m_ui->bandwidthSpin->value());
    options.maxDowntimeMs = m_ui->downtimeSpin->value();
    options.autoConverge = options.live && m_ui->autoConvergeCheck->isChecked();
    options.compression = m_ui->compressionCheck->isChecked();
    options.allowPostCopy = options.live && m_ui->postCopyCheck->isChecked();
    options.peerToPeer = m_ui->peerToPeerRadio->isChecked();
    options.copyStorage = m_ui->copyStorageCheck->isEnabled() && m_ui->copyStorageCheck->isChecked();
    const QVariant transport = m_ui->transportCombo->currentData();
    options.transport =
        transport.isValid() ? MigrationTransport(transport.toInt()) : MigrationTransport::Automatic;
    return options;
}

void MigrationDialog::setOptions(const MigrationOptions& options)
{
    m_ui->liveRadio->setChecked(options.live);
    m_ui->offlineRadio->setChecked(!options.live);
    m_ui->persistCheck->setChecked(options.persistDestination && options.undefineSource);
    m_ui->bandwidthSpin->setValue(
        int(std::min<quint64>(options.bandwidthMiBs, quint64(m_ui->bandwidthSpin->maximum()))));
    m_ui->downtimeSpin->setValue(int(std::min<qint64>(options.maxDowntimeMs, m_ui->downtimeSpin->maximum())));
    m_ui->autoConvergeCheck->setChecked(options.autoConverge);
    m_ui->compressionCheck->setChecked(options.compression);
    m_ui->postCopyCheck->setChecked(options.allowPostCopy);
    m_ui->peerToPeerRadio->setChecked(options.peerToPeer);
    m_ui->clientManagedRadio->setChecked(!options.peerToPeer);
    m_ui->copyStorageCheck->setChecked(options.copyStorage);
    const int transport = m_ui->transportCombo->findData(int(options.transport));
    m_ui->transportCombo->setCurrentIndex(transport >= 0 ? transport : 0);
    updateTransport();
}

CheckSeverity MigrationDialog::verdict() const
{
    CheckSeverity worst = CheckSeverity::Ok;
    for (const PreflightResult& result : m_results)
        worst = std::max(worst, result.verdict());
    return worst;
}

bool MigrationDialog::checksComplete() const
{
    for (const PreflightResult& result : m_results) {
        if (!result.complete)
            return false;
    }
    return true;
}

void MigrationDialog::onCheckFinished(quint64 requestId, const PreflightResult& result)
{
    // Answers to checks others asked for (a drag's prefetch) are as good as our own.
    m_pending.remove(requestId);
    if (result.destinationNode != m_destination || !m_uuids.contains(result.uuid))
        return;
    m_results.insert(result.uuid, result);
    // The controller judged the transport for the remembered options; the dialog's may differ.
    updateTransport();
}

void MigrationDialog::fillTransports()
{
    const Inventory& inventory = m_controller->cluster()->inventory();
    QStringList sources;
    for (const QString& uuid : std::as_const(m_uuids)) {
        const InstanceSnapshot* instance = m_controller->cluster()->instance(uuid);
        if (instance && !sources.contains(instance->node))
            sources.append(instance->node);
    }
    // What a transport resolves to for every source, or the first refusal among them.
    const auto resolve = [&](MigrationTransport transport, QStringList* paths) -> QString {
        MigrationOptions asked;
        asked.transport = transport;
        for (const QString& source : std::as_const(sources)) {
            const Result<MigrationPath> path = MigrationPath::choose(inventory, source, m_destination, asked);
            if (!path)
                return path.error().message;
            const QString words = MigrationPath::describe(path->transport);
            if (paths && !paths->contains(words))
                paths->append(words);
        }
        return {};
    };

    const QSignalBlocker blocker(m_ui->transportCombo);
    const QVariant current = m_ui->transportCombo->currentData();
    m_ui->transportCombo->clear();
    QStringList automatic;
    const QString automaticRefusal = resolve(MigrationTransport::Automatic, &automatic);
    m_ui->transportCombo->addItem(
        automatic.isEmpty() ? tr("Automatic")
                            : tr("Automatic: %1", "transport").arg(QLocale().createSeparatedList(automatic)),
        int(MigrationTransport::Automatic));
    m_ui->transportCombo->setItemData(0, automaticRefusal, Qt::ToolTipRole);
    const struct
    {
        MigrationTransport transport;
        QString text;
    } explicitChoices[] = {
        {MigrationTransport::Tls, tr("Encrypted (TLS)", "transport")},
        {MigrationTransport::Tunnelled, tr("Tunnelled through the node connection", "transport")},
        {MigrationTransport::Plain, tr("Unencrypted", "transport")},
    };
    auto* model = qobject_cast<QStandardItemModel*>(m_ui->transportCombo->model());
    for (const auto& choice : explicitChoices) {
        m_ui->transportCombo->addItem(choice.text, int(choice.transport));
        const int row = m_ui->transportCombo->count() - 1;
        const QString refusal = resolve(choice.transport, nullptr);
        m_ui->transportCombo->setItemData(row, refusal, Qt::ToolTipRole);
        if (model && !refusal.isEmpty())
            model->item(row)->setEnabled(false);
    }
    const int index = current.isValid() ? m_ui->transportCombo->findData(current) : 0;
    m_ui->transportCombo->setCurrentIndex(index >= 0 ? index : 0);
}

bool MigrationDialog::transportAllowed(MigrationTransport transport) const
{
    const int row = m_ui->transportCombo->findData(int(transport));
    const auto* model = qobject_cast<const QStandardItemModel*>(m_ui->transportCombo->model());
    return row >= 0 && model && model->item(row)->isEnabled();
}

QString MigrationDialog::transportPathText() const
{
    return m_ui->transportPathLabel->text();
}

void MigrationDialog::updateTransport()
{
    // setOptions() toggles several buttons in a row; each would judge again.
    if (m_updatingTransport)
        return;
    m_updatingTransport = true;
    // updateVerdict() may tick "copy storage" (local disks), which changes what combines with a
    // tunnel: judge again until the options stand still.
    for (int round = 0; round < 3; ++round) {
        const MigrationOptions chosen = options();
        const Inventory& inventory = m_controller->cluster()->inventory();
        QStringList lines;
        for (auto it = m_results.begin(); it != m_results.end(); ++it) {
            const InstanceSnapshot* instance = m_controller->cluster()->instance(it.key());
            if (!instance || !inventory.node(m_destination))
                continue;
            const PreflightCheck check = transportCheck(inventory, instance->node, m_destination, chosen);
            bool replaced = false;
            for (PreflightCheck& existing : it->checks) {
                if (existing.id == check.id) {
                    existing = check;
                    replaced = true;
                }
            }
            if (!replaced)
                it->checks.append(check);
            if (!lines.contains(check.message))
                lines.append(check.message);
        }
        m_ui->transportPathLabel->setText(lines.join(QLatin1Char('\n')));
        showChecks();
        updateVerdict();
        if (options() == chosen)
            break;
    }
    m_updatingTransport = false;
}

QString MigrationDialog::nodeWithSite(const QString& node) const
{
    const Inventory& inventory = m_controller->cluster()->inventory();
    const NodeConfig* config = inventory.node(node);
    const Site* site = config ? inventory.site(config->site) : nullptr;
    if (!site)
        return node;
    return tr("%1 (%2)", "node (site)").arg(node, site->displayName(language::current()));
}

void MigrationDialog::retranslate()
{
    m_ui->retranslateUi(this);
    m_migrateButton->setText(tr("&Migrate"));
    m_ui->bandwidthSpin->setSuffix(tr(" MiB/s"));
    m_ui->bandwidthSpin->setSpecialValueText(tr("Unlimited"));
    m_ui->downtimeSpin->setSuffix(tr(" ms"));
    m_ui->downtimeSpin->setSpecialValueText(tr("libvirt's default"));
    m_ui->migrationUriEdit->setPlaceholderText(tr("Not set: the destination's host name"));
    m_ui->checksTree->setAccessibleName(tr("Pre-flight checks"));

    QStringList names;
    QStringList sources;
    for (const QString& uuid : std::as_const(m_uuids)) {
        const InstanceSnapshot* instance = m_controller->cluster()->instance(uuid);
        names.append(isolatedName(instance ? instance->name : uuid));
        const QString source = instance ? nodeWithSite(instance->node) : tr("unknown node");
        if (!sources.contains(source))
            sources.append(source);
    }
    m_ui->instancesCaption->setText(m_uuids.size() == 1 ? tr("Instance:") : tr("Instances:"));
    m_ui->instancesLabel->setText(QLocale().createSeparatedList(names));
    m_ui->routeLabel->setText(tr("%1 → %2", "source → destination")
                                  .arg(QLocale().createSeparatedList(sources), nodeWithSite(m_destination)));
    setWindowTitle(m_uuids.size() == 1 ? tr("Migrate %1").arg(names.value(0))
                                       : tr("Migrate %n instance(s)", "", int(m_uuids.size())));
    fillTransports();
    updateTransport();
}

void MigrationDialog::showChecks()
{
    QTreeWidget* tree = m_ui->checksTree;
    tree->clear();
    const bool several = m_uuids.size() > 1;
    tree->setRootIsDecorated(false);
    for (const QString& uuid : std::as_const(m_uuids)) {
        const PreflightResult result = m_results.value(uuid);
        const InstanceSnapshot* instance = m_controller->cluster()->instance(uuid);
        const QString name = instance ? instance->name : uuid;
        QTreeWidgetItem* parent = nullptr;
        if (several) {
            parent = new QTreeWidgetItem(tree, {name});
            parent->setIcon(0, checkSeverityIcon(result.verdict()));
            QFont bold = parent->font(0);
            bold.setBold(true);
            parent->setFont(0, bold);
        }
        const auto add = [&](const QIcon& icon, const QString& text, const QString& toolTip) {
            auto* item = parent ? new QTreeWidgetItem(parent, {text}) : new QTreeWidgetItem(tree, {text});
            item->setIcon(0, icon);
            item->setToolTip(0, toolTip);
        };
        for (const PreflightCheck& check : result.checks)
            add(checkSeverityIcon(check.severity), check.message, severityText(check.severity));
        if (!result.complete)
            add(checkPendingIcon(), tr("Checking the guest and the destination…"),
                tr("Asking both nodes' libvirt; the remaining checks appear here when they answer."));
    }
    tree->expandAll();
}

void MigrationDialog::updateVerdict()
{
    bool copyNeeded = false;
    for (const PreflightResult& result : std::as_const(m_results))
        copyNeeded = copyNeeded || result.storageCopyNeeded;
    m_ui->copyStorageCheck->setEnabled(copyNeeded);
    if (!copyNeeded)
        m_ui->copyStorageCheck->setChecked(false);
    else if (!m_copyStorageTouched)
        m_ui->copyStorageCheck->setChecked(true);

    const CheckSeverity worst = verdict();
    const bool complete = checksComplete();
    m_migrateButton->setEnabled(worst != CheckSeverity::Refused);
    QString text;
    QString color;
    if (worst == CheckSeverity::Refused) {
        QStringList reasons;
        for (const QString& uuid : std::as_const(m_uuids))
            reasons += m_results.value(uuid).reasons(CheckSeverity::Refused);
        reasons.removeDuplicates();
        text = tr("Cannot migrate: %1").arg(Sentences::join(reasons));
        color = checkSeverityColor(CheckSeverity::Refused).name();
        m_migrateButton->setToolTip(plainToolTip(text));
    } else if (worst == CheckSeverity::Warning) {
        text = complete ? tr("Can migrate, but read the warnings above.")
                        : tr("Can migrate so far, but read the warnings above; still checking…");
        color = checkSeverityColor(CheckSeverity::Warning).darker(130).name();
        m_migrateButton->setToolTip({});
    } else {
        text = complete ? tr("Every check passed.") : tr("Nothing refuses the move so far; still checking…");
        color = checkSeverityColor(CheckSeverity::Ok).name();
        m_migrateButton->setToolTip({});
    }
    m_ui->verdictLabel->setText(
        QStringLiteral("<span style=\"color:%1\"><b>%2</b> %3</span>")
            .arg(color, checkSeverityGlyph(worst).toHtmlEscaped(), escapedForRichText(text)));
    m_ui->verdictLabel->setAccessibleName(text);
}

QString MigrationDialog::reason() const
{
    return m_ui->reasonEdit->text().trimmed();
}

void MigrationDialog::setReason(const QString& reason)
{
    m_ui->reasonEdit->setText(reason);
}

void MigrationDialog::accept()
{
    if (verdict() == CheckSeverity::Refused)
        return;
    MigrationOptions chosen = options();
    setSkipSameCampusConfirmation(m_ui->skipConfirmCheck->isChecked());
    MigrationOptions remembered = chosen;
    // Whether disks must be copied depends on the instance, not on habit.
    remembered.copyStorage = false;
    m_controller->setDefaultOptions(remembered);
    m_requestIds.clear();
    for (const QString& uuid : std::as_const(m_uuids))
        m_requestIds.append(m_controller->migrate(uuid, m_destination, chosen, reason()));
    QDialog::accept();
}

void MigrationDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        const MigrationOptions kept = options();
        const bool skip = m_ui->skipConfirmCheck->isChecked();
        const QString address = m_ui->migrationUriEdit->text();
        retranslate();
        setOptions(kept);
        m_ui->skipConfirmCheck->setChecked(skip);
        m_ui->migrationUriEdit->setText(address);
    }
    QDialog::changeEvent(event);
}

} // namespace kumo
