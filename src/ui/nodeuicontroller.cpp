// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/nodeuicontroller.h"

#include <QAction>
#include <QMenu>
#include <QMessageBox>
#include <QWidget>

#include "app/cluster/clustercontroller.h"
#include "core/inventoryeditor.h"
#include "ui/clusterselection.h"
#include "ui/nodedialog.h"
#include "ui/plaintext.h"

namespace kumo {

NodeUiController::NodeUiController(ClusterController* controller, ClusterSelection* selection,
                                   QWidget* window)
    : QObject(window)
    , m_controller(controller)
    , m_selection(selection)
    , m_window(window)
    , m_add(new QAction(this))
    , m_edit(new QAction(this))
    , m_remove(new QAction(this))
    , m_menu(new QMenu(window))
{
    m_menu->addAction(m_add);
    m_menu->addAction(m_edit);
    m_menu->addAction(m_remove);
    connect(m_add, &QAction::triggered, this, [this] { openAddDialog(); });
    connect(m_edit, &QAction::triggered, this, [this] {
        if (const QString node = selectedNode(); !node.isEmpty())
            openEditDialog(node);
    });
    connect(m_remove, &QAction::triggered, this, [this] {
        if (const QString node = selectedNode(); !node.isEmpty())
            removeNode(node);
    });
    connect(m_selection, &ClusterSelection::changed, this, &NodeUiController::updateActions);
    retranslate();
    updateActions();
}

void NodeUiController::setInventoryPath(const QString& path)
{
    m_path = path;
    updateActions();
}

void NodeUiController::retranslate()
{
    m_menu->setTitle(tr("&Node"));
    m_add->setText(tr("&Add Node…"));
    m_edit->setText(tr("&Edit Node…"));
    m_remove->setText(tr("&Remove Node"));
    const QString noFile = tr("Available when the inventory comes from a file.");
    m_add->setStatusTip(m_path.isEmpty() ? noFile : tr("Add a node to the inventory file."));
    m_edit->setStatusTip(m_path.isEmpty() ? noFile : tr("Change how Kumo reaches the selected node."));
    m_remove->setStatusTip(m_path.isEmpty() ? noFile
                                            : tr("Remove the selected node from the inventory file."));
}

QString NodeUiController::selectedNode() const
{
    if (m_selection->kind() != ClusterSelection::Kind::Nodes || m_selection->keys().size() != 1)
        return {};
    return m_selection->keys().constFirst();
}

void NodeUiController::updateActions()
{
    const bool file = !m_path.isEmpty();
    m_add->setEnabled(file);
    m_edit->setEnabled(file && !selectedNode().isEmpty());
    m_remove->setEnabled(file && !selectedNode().isEmpty());
    retranslate();
}

NodeDialog* NodeUiController::openAddDialog()
{
    return openDialog({});
}

NodeDialog* NodeUiController::openEditDialog(const QString& node)
{
    return openDialog(node);
}

NodeDialog* NodeUiController::openDialog(const QString& node)
{
    if (m_path.isEmpty())
        return nullptr;
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return m_dialog;
    }
    // The file's own inventory: the maintenance overlay of a planned outage must not be saved.
    auto* dialog = new NodeDialog(m_controller->fileInventory(), m_credentials, node, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this, dialog, node] {
        const NodeConfig config = dialog->nodeConfig();
        const Result<Inventory> result = node.isEmpty()
                                             ? InventoryEditor::addNode(m_path, config, dialog->newSite())
                                             : InventoryEditor::replaceNode(m_path, node, config);
        if (!result) {
            report(result.error());
            return;
        }
        emit saved(config.name);
    });
    m_dialog = dialog;
    dialog->show();
    return dialog;
}

void NodeUiController::removeNode(const QString& node)
{
    if (m_path.isEmpty())
        return;
    if (m_confirmRemoval) {
        QMessageBox box(
            QMessageBox::Question, tr("Remove Node"),
            tr("Remove the node \"%1\" from the inventory?\n\nIts instances stay where they are and keep "
               "running; Kumo only stops watching the node. Comments in the inventory file are kept.")
                .arg(isolatedName(node)),
            QMessageBox::Yes | QMessageBox::Cancel, m_window);
        box.setDefaultButton(QMessageBox::Cancel);
        showAsPlainText(&box);
        if (box.exec() != QMessageBox::Yes)
            return;
    }
    const Result<Inventory> result = InventoryEditor::removeNode(m_path, node);
    if (!result) {
        report(result.error());
        return;
    }
    emit saved(node);
}

void NodeUiController::report(const Error& error)
{
    emit failed(error);
    QString text = error.message;
    if (!error.detail.isEmpty())
        text += QStringLiteral("\n\n") + error.detail;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("The inventory was not changed"), text,
                                QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    showAsPlainText(box);
    box->setWindowModality(Qt::WindowModal);
    box->show();
}

} // namespace kumo
