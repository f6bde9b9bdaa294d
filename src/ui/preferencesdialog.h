// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// PreferencesDialog: the settings staff change rarely — how many migrations run at once
// (overall and per source node), the memory kept free on every node, and whether moves within
// one campus skip the confirmation; what an evacuation does on a failed move and the headroom
// its planner keeps free on target nodes. Stored in QSettings; applied to the queue on accept.
// Thread: GUI.
// Owner: MainWindow (opened on demand, deleted on close).
#pragma once

#include <memory>

#include <QDialog>

namespace Ui {
class PreferencesDialog;
}

namespace kumo {

class MigrationController;

class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(MigrationController* migrations, QWidget* parent = nullptr);
    ~PreferencesDialog() override;

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    MigrationController* m_migrations;
    const std::unique_ptr<Ui::PreferencesDialog> m_ui;
};

} // namespace kumo
