// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/access/credentialbroker.h"

#include <algorithm>
#include <utility>

#include <QLoggingCategory>
#include <QPointer>
#include <QRegularExpression>
#include <QSemaphore>
#include <QThread>

#include "app/access/keychain.h"
#include "core/threadhandoff.h"

Q_LOGGING_CATEGORY(lcCredentials, "kumo.credentials")

namespace kumo {

using Type = CredentialRequest::Type;

namespace {

// What the keychain may hold: names and secrets a daemon asks for again on every connection.
constexpr Type StorableTypes[] = {Type::Username, Type::AuthName, Type::Passphrase, Type::NoEchoPrompt};

bool isStorable(Type type)
{
    return type == Type::Username || type == Type::AuthName || type == Type::Passphrase ||
           type == Type::NoEchoPrompt;
}

bool isName(Type type)
{
    return type == Type::Username || type == Type::AuthName;
}

// Answered from libvirt's proposal, never asked: SASL's realm, language and nonce.
bool isAutomatic(Type type)
{
    return type == Type::Language || type == Type::CNonce || type == Type::Realm || type == Type::External;
}

// libvirt's SSH transports ask "Accept SSH host key with hash '…' for host '…' (y/n)?" as an
// echo prompt; "(y/n)" stays as it is in libvirt's translations.
bool isHostKey(const CredentialRequest::Item& item)
{
    return item.type == Type::EchoPrompt &&
           (item.prompt.contains(QLatin1String("host key"), Qt::CaseInsensitive) ||
            item.prompt.contains(QLatin1String("(y/n)"), Qt::CaseInsensitive));
}

QString fingerprintOf(const CredentialRequest::Item& item)
{
    static const QRegularExpression quoted(QStringLiteral("'([^']+)'"));
    const QRegularExpressionMatch match = quoted.match(item.prompt);
    if (match.hasMatch())
        return match.captured(1);
    return item.challenge.isEmpty() ? item.prompt : item.challenge;
}

} // namespace

struct CredentialBroker::Waiter
{
    QSemaphore answered;
    bool done = false; // under the broker's mutex
    bool granted = false;
    CredentialRequest request; // the worker's copy, answered by the GUI thread
};

struct CredentialBroker::Job
{
    CredentialRequest request; // the GUI thread's working copy
    int pendingReads = 0;
    bool fromKeychain = false;
    bool fromMemory = false;
    bool keychainLocked = false;
    bool keychainMissing = false;
    bool prompted = false;
    bool remember = false;
    CredentialPrompt::Kind stage = CredentialPrompt::Kind::Credentials;
};

CredentialBroker::CredentialBroker(CredentialPrompter* prompter, Keychain* keychain, QObject* parent)
    : QObject(parent)
    , m_prompter(prompter)
    , m_keychain(keychain ? keychain : new Keychain(QStringLiteral("kumo"), this))
{}

CredentialBroker::~CredentialBroker()
{
    shutdown();
}

bool CredentialBroker::provide(CredentialRequest& request)
{
    if (QThread::currentThread() == thread()) {
        // Waiting here would block the very thread that must answer.
        qCWarning(lcCredentials, "%s: credentials asked for on the GUI thread; refused",
                  qUtf8Printable(request.node));
        request.refusal = tr("Kumo cannot ask for credentials for %1 here.").arg(request.node);
        return false;
    }
    auto waiter = std::make_shared<Waiter>();
    quint64 ticket = 0;
    {
        std::lock_guard lock(m_mutex);
        if (m_closed) {
            request.refusal = tr("Kumo is closing.");
            return false;
        }
        ticket = ++m_nextTicket;
        request.ticket = ticket;
        waiter->request = request;
        m_waiters.insert(ticket, waiter);
    }
    handoff::post(this, [this, ticket] { start(ticket); });
    waiter->answered.acquire();

    std::lock_guard lock(m_mutex);
    m_waiters.remove(ticket);
    request.items = waiter->request.items;
    request.refusal = waiter->request.refusal;
    waiter->request.wipe();
    return waiter->granted;
}

void CredentialBroker::finished(const CredentialRequest& request, bool accepted)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_closed)
            return;
    }
    // The answers travel to the GUI thread only to be stored (or not) and are wiped there.
    handoff::post(this, [this, copy = request, accepted]() mutable { onOutcome(copy, accepted); });
}

void CredentialBroker::start(quint64 ticket)
{
    auto job = std::make_shared<Job>();
    {
        std::lock_guard lock(m_mutex);
        const std::shared_ptr<Waiter> waiter = m_waiters.value(ticket);
        if (!waiter || waiter->done)
            return;
        job->request = waiter->request;
    }
    m_jobs.insert(ticket, job);
    const QString uri = job->request.uri;
    if (const auto refused = m_refusals.constFind(uri); refused != m_refusals.cend()) {
        complete(ticket, false, *refused);
        return;
    }
    for (CredentialRequest::Item& item : job->request.items) {
        if (isAutomatic(item.type)) {
            item.result = item.defaultResult;
            item.answered = true;
        }
    }
    lookUp(ticket);
}

void CredentialBroker::lookUp(quint64 ticket)
{
    const std::shared_ptr<Job> job = m_jobs.value(ticket);
    QList<int> storable;
    for (int i = 0; i < job->request.items.size(); ++i) {
        if (isStorable(job->request.items.at(i).type))
            storable.append(i);
    }
    // Answers accepted earlier in this console: no keychain round trip, no prompt.
    if (const auto kept = m_kept.constFind(job->request.uri); kept != m_kept.cend() && !storable.isEmpty()) {
        const bool complete = std::all_of(storable.cbegin(), storable.cend(), [&](int index) {
            return kept->contains(job->request.items.at(index).type);
        });
        if (complete) {
            for (const int index : std::as_const(storable)) {
                CredentialRequest::Item& item = job->request.items[index];
                item.result = kept->value(item.type);
                item.answered = true;
            }
            job->fromMemory = true;
            afterLookUp(ticket);
            return;
        }
    }
    if (storable.isEmpty()) {
        afterLookUp(ticket);
        return;
    }
    job->pendingReads = int(storable.size());
    const bool storedRefused = m_storedRefused.contains(job->request.uri);
    const QPointer<CredentialBroker> self(this);
    for (const int index : std::as_const(storable)) {
        const Type type = job->request.items.at(index).type;
        m_keychain->read(Keychain::keyFor(job->request.uri, type), [self, job, ticket, index, type,
                                                                    storedRefused](Keychain::Reply& reply) {
            if (!self || !self->m_jobs.contains(ticket))
                return;
            switch (reply.status) {
            case Keychain::Status::Ok: {
                CredentialRequest::Item& item = job->request.items[index];
                // A name still prefills the prompt; a refused secret is not offered again.
                if (isName(type) || !storedRefused) {
                    item.result = reply.secret;
                    item.answered = !storedRefused;
                }
                break;
            }
            case Keychain::Status::NotFound:
                break;
            case Keychain::Status::Locked:
                job->keychainLocked = true;
                break;
            case Keychain::Status::NoService:
                job->keychainMissing = true;
                self->noteKeychainMissing(reply.detail);
                break;
            case Keychain::Status::Failed:
                qCWarning(lcCredentials, "keychain read failed: %s", qUtf8Printable(reply.detail));
                break;
            }
            if (--job->pendingReads == 0)
                self->afterLookUp(ticket);
        });
    }
}

void CredentialBroker::afterLookUp(quint64 ticket)
{
    const std::shared_ptr<Job> job = m_jobs.value(ticket);
    if (!job)
        return;
    bool hostKeyOpen = false;
    bool askOpen = false;
    bool secretFromKeychain = false;
    for (const CredentialRequest::Item& item : std::as_const(job->request.items)) {
        if (item.answered) {
            secretFromKeychain = secretFromKeychain || (isStorable(item.type) && !isName(item.type));
            continue;
        }
        if (isHostKey(item))
            hostKeyOpen = true;
        else
            askOpen = true;
    }
    if (hostKeyOpen) {
        job->stage = CredentialPrompt::Kind::HostKey;
        queuePrompt(ticket);
        return;
    }
    if (askOpen) {
        job->stage = CredentialPrompt::Kind::Credentials;
        // The person answers every question of the request; stored secrets are not shown to them.
        for (CredentialRequest::Item& item : job->request.items) {
            if (isAutomatic(item.type) || isHostKey(item))
                continue;
            item.answered = false;
            if (!isName(item.type)) {
                item.result.fill(QChar(u'\0'));
                item.result.clear();
            }
        }
        queuePrompt(ticket);
        return;
    }
    job->fromKeychain = secretFromKeychain && !job->prompted;
    complete(ticket, true);
}

void CredentialBroker::queuePrompt(quint64 ticket)
{
    if (!m_prompter) {
        complete(ticket, false, tr("Kumo has no way to ask for the credentials of this node."));
        return;
    }
    m_promptQueue.append(ticket);
    promptNext();
}

void CredentialBroker::promptNext()
{
    while (m_prompting == 0 && !m_promptQueue.isEmpty()) {
        const quint64 ticket = m_promptQueue.takeFirst();
        const std::shared_ptr<Job> job = m_jobs.value(ticket);
        if (!job)
            continue;
        // A refusal that came while this request waited in line covers it too.
        if (const auto refused = m_refusals.constFind(job->request.uri); refused != m_refusals.cend()) {
            complete(ticket, false, *refused);
            continue;
        }
        CredentialPrompt prompt;
        prompt.kind = job->stage;
        prompt.node = job->request.node;
        prompt.uri = job->request.uri;
        for (const CredentialRequest::Item& item : std::as_const(job->request.items)) {
            if (isAutomatic(item.type) || item.answered)
                continue;
            if ((prompt.kind == CredentialPrompt::Kind::HostKey) != isHostKey(item))
                continue;
            CredentialRequest::Item shown = item;
            if (shown.result.isEmpty() && isName(item.type))
                shown.result = item.defaultResult;
            prompt.items.append(shown);
            if (prompt.kind == CredentialPrompt::Kind::HostKey) {
                prompt.fingerprint = fingerprintOf(item);
                break; // one host key per prompt
            }
        }
        if (prompt.kind == CredentialPrompt::Kind::Credentials) {
            prompt.previousRefusal = m_lastRefusals.value(job->request.uri);
            prompt.canRemember = !job->keychainMissing && !job->keychainLocked;
            if (job->keychainMissing)
                prompt.rememberUnavailable = tr("No keychain service is running, so Kumo cannot remember "
                                                "credentials and asks again each time it starts.");
            else if (job->keychainLocked)
                prompt.rememberUnavailable =
                    tr("The keychain is locked. Unlock it to let Kumo remember credentials.");
        }
        m_prompting = ticket;
        const QPointer<CredentialBroker> self(this);
        m_prompter->ask(prompt, [self, ticket](CredentialAnswer& answer) {
            if (self)
                self->onAnswer(ticket, answer);
            for (QString& result : answer.results)
                result.fill(QChar(u'\0'));
            answer.results.clear();
        });
    }
}

void CredentialBroker::onAnswer(quint64 ticket, CredentialAnswer& answer)
{
    if (m_prompting == ticket)
        m_prompting = 0;
    const std::shared_ptr<Job> job = m_jobs.value(ticket);
    if (!job) {
        promptNext();
        return;
    }
    const QString uri = job->request.uri;
    const QString node = job->request.node;
    if (job->stage == CredentialPrompt::Kind::HostKey) {
        if (!answer.accepted) {
            const QString why = tr("The SSH host key of %1 was rejected. Kumo will not connect to this node "
                                   "until you choose Forget Credentials for it.")
                                    .arg(node);
            m_refusals.insert(uri, why);
            complete(ticket, false, why);
        } else {
            for (CredentialRequest::Item& item : job->request.items) {
                if (isHostKey(item) && !item.answered) {
                    item.result = QStringLiteral("y");
                    item.answered = true;
                    break;
                }
            }
            afterLookUp(ticket); // the next host key, or the credentials
        }
        promptNext();
        return;
    }
    if (!answer.accepted) {
        const QString why = tr("You cancelled the credential prompt for %1. Kumo will not ask again until "
                               "you choose Forget Credentials for this node.")
                                .arg(node);
        m_refusals.insert(uri, why);
        complete(ticket, false, why);
        promptNext();
        return;
    }
    int next = 0;
    for (CredentialRequest::Item& item : job->request.items) {
        if (isAutomatic(item.type) || isHostKey(item) || item.answered)
            continue;
        item.result = answer.results.value(next++);
        item.answered = true;
    }
    job->prompted = true;
    job->remember = answer.remember && !job->keychainMissing && !job->keychainLocked;
    complete(ticket, true);
    promptNext();
}

void CredentialBroker::complete(quint64 ticket, bool granted, const QString& refusal)
{
    const std::shared_ptr<Job> job = m_jobs.take(ticket);
    if (!job)
        return;
    if (granted)
        m_outcomes.insert(ticket,
                          Outcome{job->request.node, job->request.uri, job->remember, job->fromKeychain,
                                  job->fromMemory && !job->prompted, job->prompted});
    {
        std::lock_guard lock(m_mutex);
        const std::shared_ptr<Waiter> waiter = m_waiters.value(ticket);
        if (waiter && !waiter->done) {
            waiter->request.items = job->request.items;
            waiter->request.refusal = refusal;
            waiter->granted = granted;
            waiter->done = true;
            waiter->answered.release();
        }
    }
    job->request.wipe();
}

void CredentialBroker::onOutcome(CredentialRequest& request, bool accepted)
{
    if (!m_outcomes.contains(request.ticket)) {
        request.wipe();
        return;
    }
    const Outcome outcome = m_outcomes.take(request.ticket);
    if (accepted) {
        m_storedRefused.remove(outcome.uri);
        m_lastRefusals.remove(outcome.uri);
        if (outcome.prompted || outcome.fromKeychain) {
            // Per type: a daemon may ask for the name and the password in separate callbacks.
            QHash<Type, QString>& kept = m_kept[outcome.uri];
            for (const CredentialRequest::Item& item : std::as_const(request.items)) {
                if (!isStorable(item.type) || !item.answered)
                    continue;
                QString& slot = kept[item.type];
                slot.fill(QChar(u'\0'));
                slot = item.result;
            }
        }
        if (outcome.remember) {
            auto failed = std::make_shared<bool>(false);
            const QPointer<CredentialBroker> self(this);
            for (const CredentialRequest::Item& item : std::as_const(request.items)) {
                if (!isStorable(item.type) || !item.answered)
                    continue;
                const QString node = outcome.node;
                m_keychain->write(
                    Keychain::keyFor(outcome.uri, item.type), item.result,
                    [self, failed, node](Keychain::Reply& reply) {
                        if (reply.status == Keychain::Status::Ok || *failed || !self)
                            return;
                        *failed = true;
                        qCWarning(lcCredentials, "%s: could not remember credentials: %s",
                                  qUtf8Printable(node), qUtf8Printable(reply.detail));
                        Q_EMIT self->rememberFailed(
                            node, reply.status == Keychain::Status::Locked
                                      ? tr("The keychain is locked: the credentials for %1 "
                                           "were not remembered.")
                                            .arg(node)
                                      : tr("The keychain did not store the credentials for %1.").arg(node));
                    });
            }
        }
    } else if (outcome.fromMemory) {
        // The node's password changed while the console ran: ask again.
        dropKept(outcome.uri);
        m_lastRefusals.insert(outcome.uri,
                              tr("The node refused the credentials that worked before. Enter them again."));
    } else if (outcome.fromKeychain) {
        m_storedRefused.insert(outcome.uri);
        m_lastRefusals.insert(
            outcome.uri, tr("The node refused the credentials stored in the keychain. Enter them again."));
    } else if (outcome.prompted) {
        m_lastRefusals.insert(outcome.uri, tr("The node refused the credentials you entered. Try again."));
    }
    request.wipe();
}

void CredentialBroker::dropKept(const QString& uri)
{
    const auto kept = m_kept.find(uri);
    if (kept == m_kept.end())
        return;
    for (QString& secret : *kept)
        secret.fill(QChar(u'\0'));
    m_kept.erase(kept);
}

void CredentialBroker::forget(const QString& node, const QString& uri)
{
    dropKept(uri);
    m_refusals.remove(uri);
    m_lastRefusals.remove(uri);
    m_storedRefused.remove(uri);
    struct Progress
    {
        int pending = int(std::size(StorableTypes));
        Keychain::Status worst = Keychain::Status::Ok;
    };
    auto progress = std::make_shared<Progress>();
    const QPointer<CredentialBroker> self(this);
    for (const Type type : StorableTypes) {
        m_keychain->forget(Keychain::keyFor(uri, type), [self, progress, node](Keychain::Reply& reply) {
            if (reply.status != Keychain::Status::Ok && progress->worst == Keychain::Status::Ok)
                progress->worst = reply.status;
            if (--progress->pending > 0 || !self)
                return;
            switch (progress->worst) {
            case Keychain::Status::Ok:
            case Keychain::Status::NotFound:
                Q_EMIT self->forgotten(node, true, tr("Kumo forgot the credentials for %1.").arg(node));
                break;
            case Keychain::Status::NoService:
                // Nothing can have been stored: what was forgotten is the refusal.
                Q_EMIT self->forgotten(node, true,
                                       tr("No keychain service is running; Kumo will ask for the credentials "
                                          "for %1 again.")
                                           .arg(node));
                break;
            case Keychain::Status::Locked:
                Q_EMIT self->forgotten(
                    node, false,
                    tr("The keychain is locked: unlock it and choose Forget Credentials for %1 again.")
                        .arg(node));
                break;
            case Keychain::Status::Failed:
                Q_EMIT self->forgotten(node, false,
                                       tr("The keychain did not delete the credentials for %1.").arg(node));
                break;
            }
        });
    }
}

void CredentialBroker::setPrompter(CredentialPrompter* prompter)
{
    if (m_prompting != 0 && m_prompter)
        m_prompter->abort();
    if (m_prompting != 0)
        complete(std::exchange(m_prompting, 0), false,
                 tr("Kumo has no way to ask for the credentials of this node."));
    m_prompter = prompter;
    promptNext();
}

void CredentialBroker::allowAsking(const QString& uri)
{
    m_refusals.remove(uri);
}

void CredentialBroker::shutdown()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        for (const std::shared_ptr<Waiter>& waiter : std::as_const(m_waiters)) {
            if (waiter->done)
                continue;
            waiter->request.refusal = tr("Kumo is closing.");
            waiter->granted = false;
            waiter->done = true;
            waiter->answered.release();
        }
    }
    for (const std::shared_ptr<Job>& job : std::as_const(m_jobs))
        job->request.wipe();
    m_jobs.clear();
    m_promptQueue.clear();
    m_outcomes.clear();
    const QStringList kept = m_kept.keys();
    for (const QString& uri : kept)
        dropKept(uri);
    if (m_prompting != 0 && m_prompter)
        m_prompter->abort();
    m_prompting = 0;
}

void CredentialBroker::noteKeychainMissing(const QString& detail)
{
    if (m_keychainMissing)
        return;
    m_keychainMissing = true;
    qCWarning(lcCredentials, "no keychain service: %s", qUtf8Printable(detail));
    Q_EMIT keychainUnavailable(tr("No keychain service is running: Kumo cannot remember credentials and asks "
                                  "for them again each time it starts."));
}

} // namespace kumo
