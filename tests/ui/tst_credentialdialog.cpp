// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// CredentialDialog offscreen: it shows what libvirt asks, fills the answer from the keyboard
// (name prefilled, password hidden, "remember" only when a keychain can store it), cancels with
// Esc, and its host-key variant shows the fingerprint and defaults to Reject.
// Screenshots for docs/: KUMO_SCREENSHOTS=<dir> ./tst_credentialdialog screenshots writes
// credential-prompt-en.png and credential-prompt-ja.png (credentials above, host key below).
#include <optional>

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QTest>

#include "app/i18n/language.h"
#include "ui/credentialdialog.h"

using namespace kumo;

namespace {

CredentialPrompt credentialsPrompt(bool canRemember)
{
    CredentialPrompt prompt;
    prompt.node = QStringLiteral("myodaiji-01");
    prompt.uri = QStringLiteral("qemu+tls://myodaiji-01.example.net/system");
    CredentialRequest::Item name;
    name.type = CredentialRequest::Type::AuthName;
    name.prompt = QStringLiteral("Please enter your authentication name");
    name.result = QStringLiteral("kumo");
    CredentialRequest::Item password;
    password.type = CredentialRequest::Type::Passphrase;
    password.prompt = QStringLiteral("Please enter your password");
    prompt.items = {name, password};
    prompt.canRemember = canRemember;
    if (!canRemember)
        prompt.rememberUnavailable = QStringLiteral("No keychain service is running.");
    return prompt;
}

CredentialPrompt hostKeyPrompt()
{
    CredentialPrompt prompt;
    prompt.kind = CredentialPrompt::Kind::HostKey;
    prompt.node = QStringLiteral("yamate-02");
    prompt.uri = QStringLiteral("qemu+libssh://root@yamate-02.example.net/system");
    CredentialRequest::Item question;
    question.type = CredentialRequest::Type::EchoPrompt;
    question.prompt =
        QStringLiteral("Accept SSH host key with hash 'SHA256:9mQ0n1gJx2bU4tYc7wKz3LrE5sVh8PdA6fXyN0oBq1M' "
                       "for host 'yamate-02.example.net:22' (y/n)?");
    prompt.items = {question};
    prompt.fingerprint = QStringLiteral("SHA256:9mQ0n1gJx2bU4tYc7wKz3LrE5sVh8PdA6fXyN0oBq1M");
    return prompt;
}

} // namespace

class TestCredentialDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fillsTheAnswerFromTheKeyboard()
    {
        CredentialDialog dialog;
        std::optional<CredentialAnswer> answer;
        CredentialPrompt prompt = credentialsPrompt(true);
        prompt.previousRefusal = QStringLiteral("The node refused the credentials you entered. Try again.");
        dialog.ask(prompt, [&](CredentialAnswer& a) { answer = a; });
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.fields().size(), 2);
        QLineEdit* name = dialog.fields().at(0);
        QLineEdit* password = dialog.fields().at(1);
        QCOMPARE(name->text(), QStringLiteral("kumo"));
        QCOMPARE(name->echoMode(), QLineEdit::Normal);
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        QVERIFY(password->text().isEmpty());
        QCOMPARE(dialog.refusalText(), prompt.previousRefusal);
        QVERIFY(dialog.rememberBox()->isEnabled());
        // The cursor waits in the first empty field: type the password, tick remember, Enter.
        QTRY_COMPARE(QApplication::focusWidget(), password);
        QTest::keyClicks(password, QStringLiteral("s3cret pw"));
        dialog.rememberBox()->setChecked(true);
        QTest::keyClick(password, Qt::Key_Return);
        QVERIFY(answer.has_value());
        QVERIFY(answer->accepted);
        QVERIFY(answer->remember);
        QCOMPARE(answer->results, (QStringList{QStringLiteral("kumo"), QStringLiteral("s3cret pw")}));
        QVERIFY(!dialog.isVisible());
        QVERIFY(password->text().isEmpty()); // nothing left in the widget
    }

    void withoutKeychainRememberIsOffAndEscCancels()
    {
        CredentialDialog dialog;
        std::optional<CredentialAnswer> answer;
        dialog.ask(credentialsPrompt(false), [&](CredentialAnswer& a) { answer = a; });
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.rememberBox()->isEnabled());
        QCOMPARE(dialog.rememberBox()->toolTip(), QStringLiteral("No keychain service is running."));
        QVERIFY(dialog.refusalText().isEmpty());
        QTest::keyClicks(dialog.fields().at(1), QStringLiteral("typed"));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(answer.has_value());
        QVERIFY(!answer->accepted);
        QVERIFY(answer->results.isEmpty());
        QVERIFY(dialog.fields().at(1)->text().isEmpty());
    }

    void hostKeyShowsTheFingerprintAndDefaultsToReject()
    {
        CredentialDialog dialog;
        std::optional<CredentialAnswer> answer;
        dialog.ask(hostKeyPrompt(), [&](CredentialAnswer& a) { answer = a; });
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.fields().isEmpty());
        QCOMPARE(dialog.fingerprintText(), hostKeyPrompt().fingerprint);
        QVERIFY(!dialog.rememberBox()->isVisible()); // a host key is never remembered
        QVERIFY(dialog.rejectButton()->isDefault());
        // Enter takes the default: Reject.
        QTest::keyClick(&dialog, Qt::Key_Return);
        QVERIFY(answer.has_value());
        QVERIFY(!answer->accepted);

        answer.reset();
        dialog.ask(hostKeyPrompt(), [&](CredentialAnswer& a) { answer = a; });
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(dialog.acceptButton(), Qt::LeftButton);
        QVERIFY(answer.has_value());
        QVERIFY(answer->accepted);
        QVERIFY(!answer->remember);
    }

    void abortClosesWithoutReply()
    {
        CredentialDialog dialog;
        bool replied = false;
        dialog.ask(credentialsPrompt(true), [&](CredentialAnswer&) { replied = true; });
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(dialog.fields().at(1), QStringLiteral("typed"));
        dialog.abort();
        QVERIFY(!dialog.isVisible());
        QVERIFY(!replied);
        QVERIFY(dialog.fields().at(1)->text().isEmpty());
    }

    void retranslates()
    {
        CredentialDialog dialog;
        dialog.ask(credentialsPrompt(true), [](CredentialAnswer&) {});
        const QString english = dialog.acceptButton()->text();
        QVERIFY(language::install(QStringLiteral("ja")));
        QCoreApplication::processEvents();
        QVERIFY(dialog.acceptButton()->text() != english);
        QVERIFY(language::install(QStringLiteral("en")));
        QCoreApplication::processEvents();
        QCOMPARE(dialog.acceptButton()->text(), english);
        dialog.abort();
    }

    void screenshots()
    {
        const QString dir = qEnvironmentVariable("KUMO_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("Set KUMO_SCREENSHOTS=<dir> to write the documentation's screenshots.");
        QDir().mkpath(dir);
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("ja")}) {
            QVERIFY(language::install(lang));
            CredentialDialog credentials;
            CredentialPrompt prompt = credentialsPrompt(true);
            prompt.previousRefusal = QCoreApplication::translate(
                "kumo::CredentialBroker", "The node refused the credentials you entered. Try again.");
            credentials.ask(prompt, [](CredentialAnswer&) {});
            QVERIFY(QTest::qWaitForWindowExposed(&credentials));
            QTest::keyClicks(credentials.fields().at(1), QStringLiteral("password"));
            // Wrapped labels: the height that fits this width, without the stretch's slack.
            credentials.resize(credentials.width(),
                               credentials.layout()->totalHeightForWidth(credentials.width()));
            CredentialDialog hostKey;
            hostKey.ask(hostKeyPrompt(), [](CredentialAnswer&) {});
            QVERIFY(QTest::qWaitForWindowExposed(&hostKey));
            hostKey.resize(credentials.width(), hostKey.layout()->totalHeightForWidth(credentials.width()));
            QCoreApplication::processEvents();
            const QPixmap top = credentials.grab();
            const QPixmap bottom = hostKey.grab();
            QPixmap both(std::max(top.width(), bottom.width()), top.height() + bottom.height() + 12);
            both.fill(Qt::white);
            QPainter painter(&both);
            painter.drawPixmap(0, 0, top);
            painter.drawPixmap(0, top.height() + 12, bottom);
            painter.end();
            QVERIFY(both.save(QDir(dir).filePath(QStringLiteral("credential-prompt-%1.png").arg(lang))));
            credentials.abort();
            hostKey.abort();
        }
        QVERIFY(language::install(QStringLiteral("en")));
    }
};

QTEST_MAIN(TestCredentialDialog)
#include "tst_credentialdialog.moc"
