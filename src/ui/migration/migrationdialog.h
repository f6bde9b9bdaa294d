// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MigrationDialog: the confirmation before instances move — which instances, from where to
// where (with site names), every pre-flight check (updated as the full checks arrive) and the
// migration options, starting from the remembered defaults — among them the transport, with the
// path it resolves to and the options that do not combine with it shown as they change, and the
// transports the inventory does not allow disabled with the reason — and an optional reason (a ticket or a
// note) that the journal keeps with each move. Enter migrates, Esc cancels; a
// refused move cannot be confirmed and says why. On accept it remembers the options and asks
// the MigrationController to migrate each instance (they queue).
// Thread: GUI.
// Owner: its parent window (opened with WA_DeleteOnClose by MigrationUiController).
#pragma once

#include <memory>

#include <QDialog>
#include <QHash>
#include <QList>
#include <QStringList>

#include "core/migration.h"
#include "core/preflight.h"

class QPushButton;

namespace Ui {
class MigrationDialog;
}

namespace kumo {

class MigrationController;

class MigrationDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr auto SkipSameCampusKey = "migration/skipSameCampusConfirm";

    MigrationDialog(MigrationController* controller, const QStringList& uuids, const QString& destinationNode,
                    QWidget* parent = nullptr);
    ~MigrationDialog() override;

    [[nodiscard]] QStringList instances() const { return m_uuids; }
    [[nodiscard]] QString destinationNode() const { return m_destination; }
    [[nodiscard]] MigrationOptions options() const;
    void setOptions(const MigrationOptions& options);
    // Why (a ticket or a note): written to the journal with each move.
    [[nodiscard]] QString reason() const;
    void setReason(const QString& reason);
    // The worst verdict over the instances so far; complete once every full check arrived.
    [[nodiscard]] CheckSeverity verdict() const;
    [[nodiscard]] bool checksComplete() const;
    [[nodiscard]] QPushButton* migrateButton() const { return m_migrateButton; }
    // Whether the transport choice offers `transport` (the inventory allows it for these moves).
    [[nodiscard]] bool transportAllowed(MigrationTransport transport) const;
    [[nodiscard]] QString transportPathText() const;
    // Request ids of the migrations started by accept(), in instance order.
    [[nodiscard]] QList<quint64> requestIds() const { return m_requestIds; }

    // Whether staff chose to skip this dialog for moves within one campus (QSettings).
    [[nodiscard]] static bool skipSameCampusConfirmation();
    static void setSkipSameCampusConfirmation(bool skip);

public Q_SLOTS:
    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void onCheckFinished(quint64 requestId, const PreflightResult& result);
    // Fills the transport choice: what Automatic resolves to, and which explicit transports the
    // inventory refuses for these moves (disabled, the refusal as tooltip).
    void fillTransports();
    // The "transport" check of every result, judged anew for the options as they stand now.
    void updateTransport();
    void retranslate();
    void showChecks();
    void updateVerdict();
    [[nodiscard]] QString nodeWithSite(const QString& node) const;

    const std::unique_ptr<Ui::MigrationDialog> m_ui;
    MigrationController* m_controller;
    QStringList m_uuids;
    QString m_destination;
    QHash<QString, PreflightResult> m_results; // by uuid: the best known, full once it arrived
    QHash<quint64, QString> m_pending;         // check request id -> uuid
    QPushButton* m_migrateButton = nullptr;
    QList<quint64> m_requestIds;
    bool m_copyStorageTouched = false;
    bool m_updatingTransport = false;
};

} // namespace kumo
