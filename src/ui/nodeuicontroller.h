// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// NodeUiController: the window's "Add Node…", "Edit Node…" and "Remove Node" actions. It opens a
// NodeDialog (window-modal, never blocking) and writes the change into the inventory file in
// place (InventoryEditor: comments and formatting stay); the InventoryWatcher then reloads the
// file and the controller shows the node. Without an inventory file the actions stay disabled.
// Thread: GUI.
// Owner: the main window (QObject parent).
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QMenu;
class QWidget;

namespace kumo {

class ClusterController;
class ClusterSelection;
class CredentialProvider;
class NodeDialog;
struct Error;

class NodeUiController : public QObject
{
    Q_OBJECT

public:
    NodeUiController(ClusterController* controller, ClusterSelection* selection, QWidget* window);

    // The file the window's inventory comes from; empty: nodes cannot be edited.
    void setInventoryPath(const QString& path);
    [[nodiscard]] QString inventoryPath() const { return m_path; }
    // Used by "Test connection"; must outlive the dialogs (main()'s broker does).
    void setCredentialProvider(CredentialProvider* credentials) { m_credentials = credentials; }
    // Skips the confirmation before removing (tests, scripted use).
    void setConfirmRemoval(bool confirm) { m_confirmRemoval = confirm; }

    [[nodiscard]] QAction* addAction() const { return m_add; }
    [[nodiscard]] QAction* editAction() const { return m_edit; }
    [[nodiscard]] QAction* removeAction() const { return m_remove; }
    // "Node" with the three actions, for the menu bar.
    [[nodiscard]] QMenu* menu() const { return m_menu; }

    // Open the dialog (window-modal) and return it; the change is saved when it is accepted.
    NodeDialog* openAddDialog();
    NodeDialog* openEditDialog(const QString& node);
    // Asks (unless told not to), then removes `node` from the file.
    void removeNode(const QString& node);

    void retranslate();
    void updateActions();

signals:
    // After a change reached the file (the watcher reloads it shortly).
    void saved(const QString& node);
    // A change was refused or could not be written; also shown in a message box.
    void failed(const kumo::Error& error);

private:
    NodeDialog* openDialog(const QString& node);
    [[nodiscard]] QString selectedNode() const;
    void report(const Error& error);

    ClusterController* m_controller;
    ClusterSelection* m_selection;
    QWidget* m_window;
    CredentialProvider* m_credentials = nullptr;
    QString m_path;
    QPointer<NodeDialog> m_dialog;
    bool m_confirmRemoval = true;
    QAction* m_add;
    QAction* m_edit;
    QAction* m_remove;
    QMenu* m_menu;
};

} // namespace kumo
