// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/migration/migratetodialog.h"

#include <QEvent>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidgetItem>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/migration/migrationcontroller.h"
#include "ui/checkpresentation.h"
#include "ui/plaintext.h"
#include "ui_migratetodialog.h"

namespace kumo {

MigrateToDialog::MigrateToDialog(MigrationController* controller, const QStringList& uuids, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::MigrateToDialog>())
    , m_controller(controller)
    , m_uuids(uuids)
{
    m_ui->setupUi(this);
    m_pickButton = m_ui->buttonBox->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_pickButton->setDefault(true);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &MigrateToDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &MigrateToDialog::reject);
    connect(m_ui->nodeTree, &QTreeWidget::currentItemChanged, this, &MigrateToDialog::updateButton);
    connect(m_ui->nodeTree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (item && !item->data(0, NodeRole).toString().isEmpty())
            accept();
    });
    m_ui->nodeTree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_ui->nodeTree->header()->setStretchLastSection(true);
    // Opening the picker is the keyboard's drag start: fresh full checks for every node.
    connect(controller, &MigrationController::checkFinished, this, &MigrateToDialog::refreshVerdicts);
    controller->clearCheckCache();
    controller->prefetchChecks(uuids);
    retranslate();
    m_ui->nodeTree->setFocus();
}

void MigrateToDialog::retranslate()
{
    m_ui->retranslateUi(this);
    m_pickButton->setText(tr("&Choose"));
    QStringList names;
    for (const QString& uuid : std::as_const(m_uuids)) {
        const InstanceSnapshot* instance = m_controller->cluster()->instance(uuid);
        names.append(isolatedName(instance ? instance->name : uuid));
    }
    const QString list = QLocale().createSeparatedList(names);
    setWindowTitle(tr("Migrate %1 to").arg(list));
    m_ui->promptLabel->setText(tr("Choose the node that %1 should move to. Nodes that cannot take it are "
                                  "greyed out with the reason.")
                                   .arg(list));
    m_ui->nodeTree->setAccessibleName(tr("Destination nodes"));
    rebuild();
}

MigrateToDialog::~MigrateToDialog() = default;

QTreeWidgetItem* MigrateToDialog::itemOf(const QString& node) const
{
    QTreeWidget* tree = m_ui->nodeTree;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* site = tree->topLevelItem(i);
        for (int j = 0; j < site->childCount(); ++j) {
            if (site->child(j)->data(0, NodeRole).toString() == node)
                return site->child(j);
        }
    }
    return nullptr;
}

QString MigrateToDialog::selectedNode() const
{
    const QTreeWidgetItem* item = m_ui->nodeTree->currentItem();
    return item ? item->data(0, NodeRole).toString() : QString();
}

bool MigrateToDialog::selectNode(const QString& node)
{
    QTreeWidgetItem* item = itemOf(node);
    if (!item || !(item->flags() & Qt::ItemIsEnabled))
        return false;
    m_ui->nodeTree->setCurrentItem(item);
    return true;
}

CheckSeverity MigrateToDialog::verdictFor(const QString& node) const
{
    return dropVerdict(m_controller, m_uuids, node).severity;
}

void MigrateToDialog::rebuild()
{
    const QString keep = selectedNode();
    QTreeWidget* tree = m_ui->nodeTree;
    tree->clear();
    const Inventory& inventory = m_controller->cluster()->inventory();
    const QString language = language::current();
    for (const Site& site : inventory.sites) {
        auto* siteItem = new QTreeWidgetItem(tree, {site.displayName(language)});
        siteItem->setFlags(Qt::ItemIsEnabled);
        QFont bold = siteItem->font(0);
        bold.setBold(true);
        siteItem->setFont(0, bold);
        siteItem->setFirstColumnSpanned(true);
        const QList<NodeConfig> nodes = inventory.nodesOfSite(site.id);
        for (const NodeConfig& node : nodes) {
            auto* item = new QTreeWidgetItem(siteItem, {node.name});
            item->setData(0, NodeRole, node.name);
        }
    }
    tree->expandAll();
    refreshVerdicts();
    if (!selectNode(keep)) {
        // Start on the first node that can take the instances.
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            QTreeWidgetItem* site = tree->topLevelItem(i);
            for (int j = 0; j < site->childCount(); ++j) {
                if (site->child(j)->flags() & Qt::ItemIsEnabled) {
                    tree->setCurrentItem(site->child(j));
                    i = tree->topLevelItemCount();
                    break;
                }
            }
        }
    }
    updateButton();
}

void MigrateToDialog::refreshVerdicts()
{
    QTreeWidget* tree = m_ui->nodeTree;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* site = tree->topLevelItem(i);
        for (int j = 0; j < site->childCount(); ++j) {
            QTreeWidgetItem* item = site->child(j);
            const DropVerdict verdict =
                dropVerdict(m_controller, m_uuids, item->data(0, NodeRole).toString());
            const QString reason = verdict.reasons.isEmpty()
                                       ? (verdict.complete ? tr("Every check passed.") : tr("Checking…"))
                                       : verdict.reasons.first();
            item->setIcon(1, verdict.complete || verdict.severity == CheckSeverity::Refused
                                 ? checkSeverityIcon(verdict.severity)
                                 : checkPendingIcon());
            item->setText(1, tr("%1 — %2", "verdict — reason").arg(severityText(verdict.severity), reason));
            const QString reasons =
                verdict.reasons.isEmpty() ? reason : verdict.reasons.join(QLatin1Char('\n'));
            item->setData(1, ReasonsRole, reasons);
            item->setToolTip(1, plainToolTip(reasons));
            const bool refused = verdict.severity == CheckSeverity::Refused;
            item->setFlags(refused ? Qt::ItemFlags() : Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            item->setData(1, Qt::AccessibleTextRole, item->text(1));
        }
    }
    updateButton();
}

void MigrateToDialog::updateButton()
{
    const QString node = selectedNode();
    const QTreeWidgetItem* item = m_ui->nodeTree->currentItem();
    const bool can = !node.isEmpty() && item && (item->flags() & Qt::ItemIsEnabled);
    m_pickButton->setEnabled(can);
    m_ui->reasonLabel->setText(item && !node.isEmpty() ? item->data(1, ReasonsRole).toString() : QString());
}

void MigrateToDialog::accept()
{
    const QTreeWidgetItem* item = m_ui->nodeTree->currentItem();
    if (selectedNode().isEmpty() || !item || !(item->flags() & Qt::ItemIsEnabled))
        return;
    QDialog::accept();
}

void MigrateToDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace kumo
