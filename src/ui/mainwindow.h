// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MainWindow: the console's window. For now a tree of campuses, their nodes and the instances
// on each, kept up to date incrementally from the ClusterController's change signals.
// Thread: GUI.
// Owner: main(), on the stack.
#pragma once

#include <QHash>
#include <QMainWindow>
#include <QString>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace kumo {

class ClusterController;
struct Error;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        StateColumn,
        DetailColumn,
        ColumnCount
    };

    explicit MainWindow(ClusterController* controller, QWidget* parent = nullptr);
    ~MainWindow() override;

    // A line shown above the tree while something long runs (e.g. the demo lab starting).
    void setBanner(const QString& text);
    // Shows a problem with the inventory file while the last good one stays in use.
    void showInventoryError(const Error& error);

    [[nodiscard]] QTreeWidget* tree() const { return m_tree; }
    [[nodiscard]] QTreeWidgetItem* nodeItem(const QString& node) const { return m_nodeItems.value(node); }
    [[nodiscard]] QTreeWidgetItem* instanceItem(const QString& uuid) const
    {
        return m_instanceItems.value(uuid);
    }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void rebuildSites();
    QTreeWidgetItem* siteItem(const QString& siteId);
    void addNode(const QString& node);
    void updateNode(const QString& node);
    void removeNode(const QString& node);
    void addInstance(const QString& uuid);
    void updateInstance(const QString& uuid);
    void moveInstance(const QString& uuid, const QString& toNode);
    void removeInstance(const QString& uuid);
    void updateStatus();

    ClusterController* m_controller;
    QTreeWidget* m_tree;
    QLabel* m_banner;
    QLabel* m_status;
    QHash<QString, QTreeWidgetItem*> m_siteItems;
    QHash<QString, QTreeWidgetItem*> m_nodeItems;
    QHash<QString, QTreeWidgetItem*> m_instanceItems;
};

} // namespace kumo
