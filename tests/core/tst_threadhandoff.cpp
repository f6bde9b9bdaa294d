// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// handoff::post, callBlocking, emitAcross and slotAcross do what the Qt calls they wrap do: the
// call runs on the receiving thread, with the values it was given, once, or never if the receiver
// goes first. Under ThreadSanitizer (scripts/ci/sanitizers.sh tsan) the same cases check that the
// hand-offs are seen: a value passed without them would be reported as a data race.
#include "core/threadhandoff.h"

#include <atomic>
#include <memory>

#include <QList>
#include <QString>
#include <QTest>
#include <QThread>

using namespace kumo;

namespace {

// Lives on a worker thread; records what reached it.
class Worker : public QObject
{
    Q_OBJECT
public:
    void count() { ++counted; }
    void send(const QString& text, const QList<int>& numbers)
    {
        handoff::emitAcross(this, &Worker::sent, text, numbers);
    }

    int counted = 0;

Q_SIGNALS:
    void sent(const QString& text, const QList<int>& numbers);
};

// A worker thread that stops and joins when the test ends.
class WorkerThread
{
public:
    WorkerThread()
    {
        worker->moveToThread(&thread);
        anchor->moveToThread(&thread);
        thread.start();
    }
    ~WorkerThread()
    {
        thread.quit();
        thread.wait();
        delete worker;
        delete anchor;
    }
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    QThread thread;
    Worker* worker = new Worker;
    QObject* anchor = new QObject; // another object on the thread
};

} // namespace

class TestThreadHandoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void postRunsOnTheContextsThreadWithItsValues()
    {
        WorkerThread w;
        auto values =
            std::make_shared<QList<QString>>(QList<QString>{QStringLiteral("mail"), QStringLiteral("web")});
        QString seen;
        QThread* ranOn = nullptr;
        std::atomic<bool> done{false};
        QVERIFY(handoff::post(w.worker, [values, &seen, &ranOn, &done] {
            seen = values->join(QLatin1Char(','));
            ranOn = QThread::currentThread();
            done.store(true, std::memory_order_release);
        }));
        QTRY_VERIFY(done.load(std::memory_order_acquire));
        QCOMPARE(seen, QStringLiteral("mail,web"));
        QCOMPARE(ranOn, &w.thread);
        // The queued call and its copy of `values` are gone, on whichever thread let go last.
        QTRY_COMPARE(values.use_count(), 1);
    }

    void postCallsAMemberFunction()
    {
        WorkerThread w;
        for (int i = 0; i < 3; ++i)
            QVERIFY(handoff::post(w.worker, &Worker::count));
        int counted = 0;
        QVERIFY(handoff::callBlocking(w.worker, [&] { counted = w.worker->counted; }));
        QCOMPARE(counted, 3); // queued calls run in order, before the blocking one
    }

    void callBlockingReturnsAfterTheCall()
    {
        WorkerThread w;
        QThread* ranOn = nullptr;
        QList<int> filled;
        QVERIFY(handoff::callBlocking(w.worker, [&] {
            ranOn = QThread::currentThread();
            filled = {1, 2, 3};
        }));
        QCOMPARE(ranOn, &w.thread);
        QCOMPARE(filled, (QList<int>{1, 2, 3}));
    }

    void postToAnObjectDestroyedFirstNeverRuns()
    {
        auto* target = new QObject;
        auto token = std::make_shared<int>(7);
        bool ran = false;
        QVERIFY(handoff::post(target, [token, &ran] { ran = *token == 7; }));
        QCOMPARE(token.use_count(), 2);
        delete target; // drops the queued call with its captures
        QCoreApplication::processEvents();
        QVERIFY(!ran);
        QCOMPARE(token.use_count(), 1);
    }

    void emitAcrossReachesTheGuiThreadQueued()
    {
        WorkerThread w;
        QString text;
        QList<int> numbers;
        QThread* ranOn = nullptr;
        connect(w.worker, &Worker::sent, this, [&](const QString& t, const QList<int>& n) {
            text = t;
            numbers = n;
            ranOn = QThread::currentThread();
        });
        QVERIFY(handoff::post(w.worker, [worker = w.worker] {
            worker->send(QStringLiteral("yamate-02"), QList<int>{4, 5});
        }));
        QTRY_COMPARE(text, QStringLiteral("yamate-02"));
        QCOMPARE(numbers, (QList<int>{4, 5}));
        QCOMPARE(ranOn, QThread::currentThread());
    }

    void slotAcrossGoesWithItsSenderOnTheSendersThread()
    {
        auto token = std::make_shared<int>(0);
        int received = 0;
        {
            WorkerThread w;
            connect(w.worker, &Worker::sent, this,
                    handoff::slotAcross([token, &received](const QString&, const QList<int>& n) {
                        received += int(n.size());
                    }));
            QCOMPARE(token.use_count(), 2);
            QVERIFY(handoff::post(w.worker, [worker = w.worker] {
                worker->send(QString(), QList<int>{1});
                worker->send(QString(), QList<int>{1, 2});
            }));
            QTRY_COMPARE(received, 3);
            // The worker is deleted on its own thread, still connected.
            QVERIFY(handoff::callBlocking(w.anchor, [&w] {
                delete w.worker;
                w.worker = nullptr;
            }));
        }
        QCOMPARE(token.use_count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestThreadHandoff)
#include "tst_threadhandoff.moc"
