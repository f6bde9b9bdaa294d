<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>kumo::AlertStatusButton</name>
    <message numerus="yes">
        <source>%n critical</source>
        <translation>
            <numerusform>%n critical</numerusform>
            <numerusform>%n critical</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::AlertTexts</name>
    <message numerus="yes">
        <source>Service probe %1 of %2 failed %n times in a row</source>
        <translation>
            <numerusform>Service probe %1 of %2 failed %n time in a row</numerusform>
            <numerusform>Service probe %1 of %2 failed %n times in a row</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::AlertsDock</name>
    <message numerus="yes">
        <source>%n active alert(s), %1 not acknowledged</source>
        <translation>
            <numerusform>%n active alert, %1 not acknowledged</numerusform>
            <numerusform>%n active alerts, %1 not acknowledged</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::CampusHeadroom</name>
    <message numerus="yes">
        <source>If dark now, the other campus could take %1 of %n running instance(s) (%2 GiB left)</source>
        <translation>
            <numerusform>If dark now, the other campus could take %1 of %n running instance (%2 GiB left)</numerusform>
            <numerusform>If dark now, the other campus could take %1 of %n running instances (%2 GiB left)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>If dark now, the other campuses could take %1 of %n running instance(s) (%2 GiB left)</source>
        <translation>
            <numerusform>If dark now, the other campuses could take %1 of %n running instance (%2 GiB left)</numerusform>
            <numerusform>If dark now, the other campuses could take %1 of %n running instances (%2 GiB left)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>If %1 went dark now, %2 could take all %n of its running instance(s), as the evacuation plan would place them; %3 GiB of memory would be left there after %4% headroom.</source>
        <translation>
            <numerusform>If %1 went dark now, %2 could take its %n running instance, as the evacuation plan would place it; %3 GiB of memory would be left there after %4% headroom.</numerusform>
            <numerusform>If %1 went dark now, %2 could take all %n of its running instances, as the evacuation plan would place them; %3 GiB of memory would be left there after %4% headroom.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>If %1 went dark now, %2 could take only %3 of its %n running instance(s); %4 GiB of memory would be left there after %5% headroom.</source>
        <translation>
            <numerusform>If %1 went dark now, %2 could take only %3 of its %n running instance; %4 GiB of memory would be left there after %5% headroom.</numerusform>
            <numerusform>If %1 went dark now, %2 could take only %3 of its %n running instances; %4 GiB of memory would be left there after %5% headroom.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left over (%n instance(s)), first: %1.</source>
        <translation>
            <numerusform>Left over (%n instance): %1.</numerusform>
            <numerusform>Left over (%n instances), first: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::DesktopNotifier</name>
    <message numerus="yes">
        <source>%1: %n alerts (%2 critical)</source>
        <translation>
            <numerusform>%1: %n alert (%2 critical)</numerusform>
            <numerusform>%1: %n alerts (%2 critical)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n alerts</source>
        <translation>
            <numerusform>%1: %n alert</numerusform>
            <numerusform>%1: %n alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::EventLogDock</name>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 of %n event</numerusform>
            <numerusform>%1 of %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::Format</name>
    <message numerus="yes">
        <source>%n min</source>
        <comment>uptime</comment>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::InstanceTableModel</name>
    <message numerus="yes">
        <source>%1: %2 Failed %n time(s) in a row.</source>
        <translation>
            <numerusform>%1: %2 Failed %n time in a row.</numerusform>
            <numerusform>%1: %2 Failed %n times in a row.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::JobsModel</name>
    <message numerus="yes">
        <source>The longest stretch in which no service probe of %1 answered, from the start of the move to its first answer after it: %2 (%n check(s) without an answer).</source>
        <translation>
            <numerusform>The longest stretch in which no service probe of %1 answered, from the start of the move to its first answer after it: %2 (%n check without an answer).</numerusform>
            <numerusform>The longest stretch in which no service probe of %1 answered, from the start of the move to its first answer after it: %2 (%n checks without an answer).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::LabCli</name>
    <message numerus="yes">
        <source>Stopped %n lab(s) in %1 s.</source>
        <translation>
            <numerusform>Stopped %n lab in %1 s.</numerusform>
            <numerusform>Stopped %n labs in %1 s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::MainWindow</name>
    <message numerus="yes">
        <source>Force off %n instance(s)? This is like pulling the power plug: the guest loses everything it has not written to disk.</source>
        <translation>
            <numerusform>Force off %n instance? This is like pulling the power plug: the guest loses everything it has not written to disk.</numerusform>
            <numerusform>Force off %n instances? This is like pulling the power plug: the guest loses everything it has not written to disk.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The journal could not be written (%n entries not on record): %1</source>
        <translation>
            <numerusform>The journal could not be written (%n entry not on record): %1</numerusform>
            <numerusform>The journal could not be written (%n entries not on record): %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::MigrationDialog</name>
    <message numerus="yes">
        <source>Migrate %n instance(s)</source>
        <translation>
            <numerusform>Migrate %n instance</numerusform>
            <numerusform>Migrate %n instances</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::MonitoringUiController</name>
    <message numerus="yes">
        <source>Kumo: %n alert(s) not acknowledged</source>
        <translation>
            <numerusform>Kumo: %n alert not acknowledged</numerusform>
            <numerusform>Kumo: %n alerts not acknowledged</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::NodeCardItem</name>
    <message numerus="yes">
        <source>%n instance(s), %1 running</source>
        <translation>
            <numerusform>%n instance, %1 running</numerusform>
            <numerusform>%n instances, %1 running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n CPU(s), %1</source>
        <translation>
            <numerusform>%n CPU, %1</numerusform>
            <numerusform>%n CPUs, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::NodeTableModel</name>
    <message numerus="yes">
        <source>%1. Next attempt in %n s.</source>
        <translation>
            <numerusform>%1. Next attempt in %n s.</numerusform>
            <numerusform>%1. Next attempt in %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::OutageCli</name>
    <message numerus="yes">
        <source>Evacuation plan for %1: %n move(s), %2</source>
        <translation>
            <numerusform>Evacuation plan for %1: %n move, %2</numerusform>
            <numerusform>Evacuation plan for %1: %n moves, %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Return plan for %1: %n move(s), %2</source>
        <translation>
            <numerusform>Return plan for %1: %n move, %2</numerusform>
            <numerusform>Return plan for %1: %n moves, %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not placed: %n instance(s)</source>
        <translation>
            <numerusform>Not placed: %n instance</numerusform>
            <numerusform>Not placed: %n instances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The dry run refused %n move(s).</source>
        <translation>
            <numerusform>The dry run refused %n move.</numerusform>
            <numerusform>The dry run refused %n moves.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warning: the service of %n instance(s) did not answer after the evacuation moved them: %1. The return goes on; check these services.</source>
        <translation>
            <numerusform>Warning: the service of %n instance did not answer after the evacuation moved it: %1. The return goes on; check this service.</numerusform>
            <numerusform>Warning: the services of %n instances did not answer after the evacuation moved them: %1. The return goes on; check these services.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n journal entries could not be written: what they say is not on record.</source>
        <translation>
            <numerusform>%n journal entry could not be written: what it says is not on record.</numerusform>
            <numerusform>%n journal entries could not be written: what they say is not on record.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::OutageDryRunPage</name>
    <message numerus="yes">
        <source>Checking %n move(s)…</source>
        <translation>
            <numerusform>Checking %n move…</numerusform>
            <numerusform>Checking %n moves…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n move(s) would be refused. Go back and choose other targets, or fix the cause and check again.</source>
        <translation>
            <numerusform>%n move would be refused. Go back and choose other targets, or fix the cause and check again.</numerusform>
            <numerusform>%n moves would be refused. Go back and choose other targets, or fix the cause and check again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every move can go ahead (%n checked).</source>
        <translation>
            <numerusform>Every move can go ahead (%n checked).</numerusform>
            <numerusform>Every move can go ahead (%n checked).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::OutageExecution</name>
    <message numerus="yes">
        <source>%1: abort requested, cancelling %n running move(s)</source>
        <translation>
            <numerusform>%1: abort requested, cancelling %n running move</numerusform>
            <numerusform>%1: abort requested, cancelling %n running moves</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 started: %n move(s)</source>
        <translation>
            <numerusform>%1 started: %n move</numerusform>
            <numerusform>%1 started: %n moves</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 resumed: %n move(s) to go</source>
        <translation>
            <numerusform>%1 resumed: %n move to go</numerusform>
            <numerusform>%1 resumed: %n moves to go</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::OutagePanel</name>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · &lt;b&gt;the service of %n instance(s) did not answer after the move&lt;/b&gt;</source>
        <translation>
            <numerusform> · &lt;b&gt;the service of %n instance did not answer after the move&lt;/b&gt;</numerusform>
            <numerusform> · &lt;b&gt;the services of %n instances did not answer after the move&lt;/b&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::OutagePlan</name>
    <message numerus="yes">
        <source>%n move(s)</source>
        <translation>
            <numerusform>%n move</numerusform>
            <numerusform>%n moves</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n move(s): %1</source>
        <translation>
            <numerusform>%n move: %1</numerusform>
            <numerusform>%n moves: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::OutagePlanEditor</name>
    <message numerus="yes">
        <source>; %n instance(s) cannot be placed</source>
        <translation>
            <numerusform>; %n instance cannot be placed</numerusform>
            <numerusform>; %n instances cannot be placed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1%2 — %n problem(s): %3</source>
        <translation>
            <numerusform>%1%2 — %n problem: %3</numerusform>
            <numerusform>%1%2 — %n problems: %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::OutageReport</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <comment>data size</comment>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The service of %n instance(s) did not answer after the move.</source>
        <translation>
            <numerusform>The service of %n instance did not answer after the move.</numerusform>
            <numerusform>The services of %n instances did not answer after the move.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::OutageUiController</name>
    <message numerus="yes">
        <source>%1 is running; %n move(s) in progress.</source>
        <translation>
            <numerusform>%1 is running; %n move in progress.</numerusform>
            <numerusform>%1 is running; %n moves in progress.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The return home of %1 is being run by %2: %3 of %n instance(s) are home. It is shown here read-only.</source>
        <translation>
            <numerusform>The return home of %1 is being run by %2: %3 of %n instance is home. It is shown here read-only.</numerusform>
            <numerusform>The return home of %1 is being run by %2: %3 of %n instances are home. It is shown here read-only.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The evacuation of %1 is being run by %2: %3 of %n instance(s) have moved. It is shown here read-only.</source>
        <translation>
            <numerusform>The evacuation of %1 is being run by %2: %3 of %n instance has moved. It is shown here read-only.</numerusform>
            <numerusform>The evacuation of %1 is being run by %2: %3 of %n instances have moved. It is shown here read-only.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The return home of %1 did not finish: %2 of %n instance(s) are home. Resume it?</source>
        <translation>
            <numerusform>The return home of %1 did not finish: %2 of %n instance is home. Resume it?</numerusform>
            <numerusform>The return home of %1 did not finish: %2 of %n instances are home. Resume it?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The evacuation of %1 did not finish: %2 of %n instance(s) have moved. Resume it?</source>
        <translation>
            <numerusform>The evacuation of %1 did not finish: %2 of %n instance has moved. Resume it?</numerusform>
            <numerusform>The evacuation of %1 did not finish: %2 of %n instances have moved. Resume it?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::OutageWizard</name>
    <message numerus="yes">
        <source>The service of %n instance(s) did not answer after the evacuation moved them: %1.</source>
        <translation>
            <numerusform>The service of %n instance did not answer after the evacuation moved it: %1.</numerusform>
            <numerusform>The services of %n instances did not answer after the evacuation moved them: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::Planner</name>
    <message numerus="yes">
        <source>No node of the other campuses has both %1 of memory and %n vCPU(s) free after %2% headroom.</source>
        <translation>
            <numerusform>No node of the other campuses has both %1 of memory and %n vCPU free after %2% headroom.</numerusform>
            <numerusform>No node of the other campuses has both %1 of memory and %n vCPUs free after %2% headroom.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No node of %1 has both %2 of memory and %n vCPU(s) free after %3% headroom.</source>
        <translation>
            <numerusform>No node of %1 has both %2 of memory and %n vCPU free after %3% headroom.</numerusform>
            <numerusform>No node of %1 has both %2 of memory and %n vCPUs free after %3% headroom.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No node of the other campuses has %n vCPU(s) free after %1% headroom (most free among those with memory: %2, %3 vCPUs).</source>
        <translation>
            <numerusform>No node of the other campuses has %n vCPU free after %1% headroom (most free among those with memory: %2, %3 vCPUs).</numerusform>
            <numerusform>No node of the other campuses has %n vCPUs free after %1% headroom (most free among those with memory: %2, %3 vCPUs).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No node of %1 has %n vCPU(s) free after %2% headroom (most free among those with memory: %3, %4 vCPUs).</source>
        <translation>
            <numerusform>No node of %1 has %n vCPU free after %2% headroom (most free among those with memory: %3, %4 vCPUs).</numerusform>
            <numerusform>No node of %1 has %n vCPUs free after %2% headroom (most free among those with memory: %3, %4 vCPUs).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 does not fit on %2: it needs %n vCPU(s) and %3 are free there after %4% headroom and the moves planned before it.</source>
        <translation>
            <numerusform>%1 does not fit on %2: it needs %n vCPU and %3 are free there after %4% headroom and the moves planned before it.</numerusform>
            <numerusform>%1 does not fit on %2: it needs %n vCPUs and %3 are free there after %4% headroom and the moves planned before it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::Preflight</name>
    <message numerus="yes">
        <source>%n local disk(s): the move needs &quot;copy storage&quot; (slower) or shared storage.</source>
        <translation>
            <numerusform>%n local disk: the move needs &quot;copy storage&quot; (slower) or shared storage.</numerusform>
            <numerusform>%n local disks: the move needs &quot;copy storage&quot; (slower) or shared storage.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n vCPU(s) but the hypervisor on %2 allows at most %3. Choose another node.</source>
        <translation>
            <numerusform>%1 has %n vCPU but the hypervisor on %2 allows at most %3. Choose another node.</numerusform>
            <numerusform>%1 has %n vCPUs but the hypervisor on %2 allows at most %3. Choose another node.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n vCPU(s) and %2 only %3: it overcommits the node and may run slower there.</source>
        <translation>
            <numerusform>%1 has %n vCPU and %2 only %3: it overcommits the node and may run slower there.</numerusform>
            <numerusform>%1 has %n vCPUs and %2 only %3: it overcommits the node and may run slower there.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n CPU(s)</source>
        <comment>a node&apos;s CPU count</comment>
        <translation>
            <numerusform>%n CPU</numerusform>
            <numerusform>%n CPUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has enough CPUs for the %n vCPU(s) of %2.</source>
        <translation>
            <numerusform>%1 has enough CPUs for the %n vCPU of %2.</numerusform>
            <numerusform>%1 has enough CPUs for the %n vCPUs of %2.</numerusform>
        </translation>
    </message>
</context>
</TS>
