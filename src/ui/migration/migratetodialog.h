// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MigrateToDialog: "Migrate to…", the keyboard twin of dragging. Lists every node grouped by
// site with the pre-flight verdict for the selected instances (icon, word and reason), updated
// as the full checks arrive; refused nodes cannot be picked. Enter picks the current node.
// Thread: GUI.
// Owner: its parent window (opened with WA_DeleteOnClose by MigrationUiController).
#pragma once

#include <memory>

#include <QDialog>
#include <QStringList>

#include "core/preflight.h"

class QPushButton;
class QTreeWidgetItem;

namespace Ui {
class MigrateToDialog;
}

namespace kumo {

class MigrationController;

class MigrateToDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int NodeRole = Qt::UserRole + 1;
    // Column 1: every reason of the verdict, one a line, as plain text.
    static constexpr int ReasonsRole = Qt::UserRole + 2;

    MigrateToDialog(MigrationController* controller, const QStringList& uuids, QWidget* parent = nullptr);
    ~MigrateToDialog() override;

    [[nodiscard]] QStringList instances() const { return m_uuids; }
    // The node picked (valid after accept), or the current one while open.
    [[nodiscard]] QString selectedNode() const;
    // Makes `node` current if it may be picked; returns whether it was.
    bool selectNode(const QString& node);
    [[nodiscard]] CheckSeverity verdictFor(const QString& node) const;
    [[nodiscard]] QPushButton* pickButton() const { return m_pickButton; }

public Q_SLOTS:
    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void rebuild();
    void refreshVerdicts();
    void updateButton();
    [[nodiscard]] QTreeWidgetItem* itemOf(const QString& node) const;

    const std::unique_ptr<Ui::MigrateToDialog> m_ui;
    MigrationController* m_controller;
    QStringList m_uuids;
    QPushButton* m_pickButton = nullptr;
};

} // namespace kumo
