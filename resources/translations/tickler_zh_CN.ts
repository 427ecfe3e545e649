<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgendaModel</name>
    <message>
        <location filename="../../ui/calendar/model.py" line="+53"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Party</source>
        <translation>当事方</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Snoozed until %1</source>
        <translation>暂缓至 %1</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="+258"/>
        <source>Tickler cannot start</source>
        <translation>Tickler 无法启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1

Check the database location in the settings file %2, or start Tickler with --db to use another database.</source>
        <translation>%1

请检查设置文件 %2 中的数据库位置，或使用 --db 参数启动 Tickler 以使用其他数据库。</translation>
    </message>
</context>
<context>
    <name>CalculatorDialog</name>
    <message>
        <location filename="../../ui/dialogs/calculator.py" line="+37"/>
        <source>Due-date calculator</source>
        <translation>到期日计算器</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Used for periods in hours, which run from the stated time</source>
        <translation>用于以小时计的期限，从所填时间起算</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The anchor day counts as day one (含当日)</source>
        <translation>起算日计入第一天（含当日）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Anchor (date, time):</source>
        <translation>起算点（日期、时间）(&amp;A)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Period:</source>
        <translation>期限(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Direction:</source>
        <translation>方向(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ca&amp;lendar:</source>
        <translation>日历(&amp;L)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due:</source>
        <translation>到期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strict date:</source>
        <translation>严格日期：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps:</source>
        <translation>计算步骤：</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Provisional: a year consulted has no published holiday schedule yet; load it when it is out.</source>
        <translation>暂定：所涉年份的节假日安排尚未公布，公布后请加载。</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../ui/calendar/page.py" line="+56"/>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Agenda for the next</source>
        <translation>未来日程(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing the first %1 items: choose fewer days, or filter on the Obligations screen.</source>
        <translation>仅显示前 %1 项：请缩短天数，或在“义务”页面中筛选。</translation>
    </message>
    <message numerus="yes">
        <location line="+99"/>
        <source>Due on %1: %n item(s)</source>
        <translation>
            <numerusform>%1 到期：%n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CandidateModel</name>
    <message>
        <location filename="../../ui/review/model.py" line="+27"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Party</source>
        <translation>当事方</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>What confirming would schedule: nothing is reminded until it is confirmed</source>
        <translation>确认后将排定的日期：确认之前不会提醒</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1, replaced</source>
        <translation>%1，已被取代</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not dated yet</source>
        <translation>尚无日期</translation>
    </message>
</context>
<context>
    <name>ContractDetailView</name>
    <message>
        <location filename="../../ui/pages/contracts_page.py" line="+61"/>
        <source>Effective</source>
        <translation>生效日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Obligations</source>
        <translation>义务</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What it changed</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Double-click an agreement to review its text and obligations</source>
        <translation>双击协议可审核其原文和义务</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Party</source>
        <translation>当事方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next due</source>
        <translation>下次到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Governs today</source>
        <translation>今日适用</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add &amp;supplementary agreement…</source>
        <translation>添加补充协议(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record an amendment: new, replaced or ended obligations, new dates</source>
        <translation>记录合同变更：新增、替换或终止义务，修改日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show in &amp;obligations list</source>
        <translation>在义务列表中显示(&amp;O)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Agreements (base agreement first, then supplements by date):</source>
        <translation>协议（先列主协议，再按日期列补充协议）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Obligations:</source>
        <translation>义务：</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Select a contract on the left to see its agreements and obligations.</source>
        <translation>在左侧选择一份合同，查看其协议和义务。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+61"/>
        <source>Counterparty:</source>
        <translation>相对方：</translation>
    </message>
    <message>
        <location line="-60"/>
        <location line="+58"/>
        <source>Signed:</source>
        <translation>签署日：</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+56"/>
        <source>Effective:</source>
        <translation>生效日：</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+54"/>
        <source>Expires:</source>
        <translation>到期日：</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+58"/>
        <source>Term:</source>
        <translation>期限：</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+58"/>
        <source>Working-day calendar:</source>
        <translation>工作日日历：</translation>
    </message>
    <message>
        <location line="-52"/>
        <location line="+49"/>
        <source>Terminated:</source>
        <translation>终止日：</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>undated</source>
        <translation>无日期</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replaced or ended from %1</source>
        <translation>自 %1 起被取代或终止</translation>
    </message>
</context>
<context>
    <name>ContractFactsBox</name>
    <message>
        <location filename="../../ui/review/facts.py" line="+18"/>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save contract facts</source>
        <translation>保存合同信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving recomputes every due date counted from these dates</source>
        <translation>保存后将重新计算以这些日期起算的所有到期日</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter&amp;party:</source>
        <translation>相对方(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar:</source>
        <translation>日历：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed:</source>
        <translation>签署日：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effective:</source>
        <translation>生效日：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires:</source>
        <translation>到期日：</translation>
    </message>
</context>
<context>
    <name>ContractsModel</name>
    <message>
        <location filename="../../ui/models/contracts_model.py" line="+31"/>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counterparty</source>
        <translation>相对方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed</source>
        <translation>签署日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effective</source>
        <translation>生效日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open items</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To review</source>
        <translation>待审核</translation>
    </message>
</context>
<context>
    <name>ContractsPage</name>
    <message>
        <location filename="../../ui/pages/contracts_page.py" line="+84"/>
        <source>Add supplementary agreement…</source>
        <translation>添加补充协议…</translation>
    </message>
</context>
<context>
    <name>DigestDialog</name>
    <message>
        <location filename="../../ui/tray/digest.py" line="+94"/>
        <source>Deadlines that need attention</source>
        <translation>需要处理的期限</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Acknowledge</source>
        <translation>已知悉(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Snooze</source>
        <translation>暂缓提醒(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark &amp;done…</source>
        <translation>标记完成(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Waive…</source>
        <translation>豁免(&amp;W)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Until a date…</source>
        <translation>暂缓至某日…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 deadline(s) need attention; %2 overdue.</source>
        <translation>%1 项期限需要处理，其中 %2 项已逾期。</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+25"/>
        <source>Snooze</source>
        <translation>暂缓提醒</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Why snooze it (optional)?</source>
        <translation>暂缓原因（可选）？</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Snooze until (YYYY-MM-DD):</source>
        <translation>暂缓至（YYYY-MM-DD）：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not a date: %1</source>
        <translation>不是有效日期：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note (what was done, reference):</source>
        <translation>备注（完成情况、参考编号）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evidence file (optional)</source>
        <translation>证明文件（可选）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waive</source>
        <translation>豁免</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why is it waived? (required)</source>
        <translation>豁免原因？（必填）</translation>
    </message>
</context>
<context>
    <name>DueCalendar</name>
    <message numerus="yes">
        <location filename="../../ui/calendar/month.py" line="+77"/>
        <source>+%n more</source>
        <translation>
            <numerusform>另有 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/pages/export_dialog.py" line="+37"/>
        <source>Export the monthly report</source>
        <translation>导出月度报告</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV for other tools (.csv)</source>
        <translation>CSV，供其他工具使用 (.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All contracts</source>
        <translation>全部合同</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Include personal data (ID, phone, e-mail and bank numbers unmasked)</source>
        <translation>包含个人信息（不遮盖身份证号、电话、邮箱和银行账号）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masked by default (PIPL): turn on only for recipients entitled to see it</source>
        <translation>默认遮盖（个人信息保护法）：仅在接收人有权查看时开启</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Contract:</source>
        <translation>合同(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the report as</source>
        <translation>报告另存为</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Writing %1 …</source>
        <translation>正在写入 %1 …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Report written</source>
        <translation>报告已生成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The report was written to %1.</source>
        <translation>报告已保存到 %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/pages/obligation_filters.py" line="+36"/>
        <source>All contracts</source>
        <translation>全部合同</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All parties</source>
        <translation>全部当事方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>any time</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only obligations due within this many days (overdue ones included)</source>
        <translation>只显示在这么多天内到期的义务（含已逾期）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show everything in force again (Ctrl+Shift+L)</source>
        <translation>重新显示全部有效义务 (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Due within:</source>
        <translation>到期范围(&amp;D)：</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../ui/dialogs/models.py" line="+121"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>谁</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>changed</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>obligation</source>
        <translation>义务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recorded event</source>
        <translation>已记录的事件</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <location filename="../../ui/pages/import_summary.py" line="+24"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Imported %1 of %n file(s).</source>
        <translation>
            <numerusform>已导入 %1 个文件（共 %n 个）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n obligation(s) found and waiting for your review.</source>
        <translation>
            <numerusform>发现 %n 项义务，等待您审核。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n file(s) need your attention: see below.</source>
        <translation>
            <numerusform>%n 个文件需要您处理，详见下表。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n obligation(s) proposed for review</source>
        <translation>
            <numerusform>%n 项义务待审核</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>already imported (contract %1); nothing changed</source>
        <translation>已导入过（合同 %1）；未做任何更改</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already imported</source>
        <translation>已导入过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <location filename="../../ui/pages/importer.py" line="+47"/>
        <location line="+32"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Reading file %1 of %2: %3</source>
        <translation>正在读取第 %1 个文件（共 %2 个）：%3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Finding obligations…</source>
        <translation>正在查找义务…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Import agreements</source>
        <translation>导入协议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agreements (*.pdf *.docx *.txt *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>协议 (*.pdf *.docx *.txt *.png *.jpg *.jpeg *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Importing agreements</source>
        <translation>正在导入协议</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/widgets/labels.py" line="+10"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Performance</source>
        <translation>履行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewal</source>
        <translation>续约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiry</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reporting</source>
        <translation>报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retention</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All in force</source>
        <translation>全部有效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Base agreement</source>
        <translation>主协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplementary agreement</source>
        <translation>补充协议</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 day late</source>
        <translation>逾期 1 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 days late</source>
        <translation>逾期 %1 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/labels.py" line="+17"/>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>calendar days</source>
        <translation>自然日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weeks</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>years</source>
        <translation>年</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>before</source>
        <translation>之前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>after</source>
        <translation>之后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by a fixed date</source>
        <translation>固定日期前</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>fixed date</source>
        <translation>固定日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signing</source>
        <translation>签署</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>effective date</source>
        <translation>生效日</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+28"/>
        <source>expiry</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>termination</source>
        <translation>终止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>each recurrence</source>
        <translation>每个周期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an event</source>
        <translation>某一事件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>once</source>
        <translation>一次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>daily</source>
        <translation>每天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quarterly</source>
        <translation>每季度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yearly</source>
        <translation>每年</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>performance</source>
        <translation>履行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>response</source>
        <translation>响应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>renewal</source>
        <translation>续约</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reporting</source>
        <translation>报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retention</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>proposed</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waived</source>
        <translation>已豁免</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>upcoming</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due soon</source>
        <translation>临近到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>by day %1</source>
        <translation>每期第 %1 日前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>by %1</source>
        <translation>%1 前</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2 %3</source>
        <translation>%3%2 %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell.py" line="+76"/>
        <source>Tickler — contract deadlines</source>
        <translation>Tickler — 合同期限管理</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Screens</source>
        <translation>页面</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Obligations</source>
        <translation>义务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&amp;Import agreements…</source>
        <translation>导入协议(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import signed agreements (PDF, DOCX, TXT or scans)</source>
        <translation>导入已签署的协议（PDF、DOCX、TXT 或扫描件）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import agreements (Ctrl+O); you can also drop files on the window</source>
        <translation>导入协议 (Ctrl+O)；也可以将文件拖放到窗口中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try the &amp;sample agreement</source>
        <translation>试用示例协议(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export monthly report…</source>
        <translation>导出月度报告(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Calendar</source>
        <translation>日历(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Obligations</source>
        <translation>义务(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ontracts</source>
        <translation>合同(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;About Tickler</source>
        <translation>关于 Tickler(&amp;A)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Deadline &amp;calculator…</source>
        <translation>期限计算器(&amp;C)…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Search obligations and contracts (Ctrl+F)</source>
        <translation>搜索义务和合同 (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="+211"/>
        <source>Due this week: %1</source>
        <translation>本周到期：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed obligations due today or in the next 6 days</source>
        <translation>今天或未来 6 天内到期的已确认义务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue: %1</source>
        <translation>已逾期：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Awaiting review: %1</source>
        <translation>待审核：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tickler</source>
        <translation>Tickler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The sample agreement is missing from this installation.</source>
        <translation>此安装中缺少示例协议。</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>Holiday data changed: due dates of %n obligation(s) recomputed.</source>
        <translation>
            <numerusform>节假日数据已更新：已重新计算 %n 项义务的到期日。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>About Tickler</source>
        <translation>关于 Tickler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Tickler&lt;/b&gt; %1&lt;br&gt;Contract deadlines for in-house counsel.&lt;br&gt;Database: %2</source>
        <translation>&lt;b&gt;Tickler&lt;/b&gt; %1&lt;br&gt;为企业法务管理合同期限。&lt;br&gt;数据库：%2</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="-158"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The database could not be opened.</source>
        <translation>无法打开数据库。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/widgets/messages.py" line="+14"/>
        <source>Tickler</source>
        <translation>Tickler</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tickler — unexpected error</source>
        <translation>Tickler — 意外错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tickler ran into a bug and could not finish what you asked.</source>
        <translation>Tickler 遇到程序错误，未能完成您的操作。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no log file)</source>
        <translation>（无日志文件）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your data is safe: unfinished changes were not saved. Please send the log file to support:
%1</source>
        <translation>您的数据是安全的：未完成的更改没有保存。请将日志文件发送给技术支持：
%1</translation>
    </message>
</context>
<context>
    <name>ObligationDialog</name>
    <message>
        <location filename="../../ui/dialogs/obligation.py" line="+68"/>
        <location line="+142"/>
        <source>Obligation</source>
        <translation>义务</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>&amp;Due dates and how they were computed</source>
        <translation>到期日及其计算过程(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source &amp;clause</source>
        <translation>来源条款(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;History</source>
        <translation>历史记录(&amp;H)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The selected due date</source>
        <translation>所选到期日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>what was done, or why it is waived (required to waive)</source>
        <translation>完成情况，或豁免原因（豁免时必填）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. payment-voucher-0315.pdf</source>
        <translation>例如 付款凭证-0315.pdf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark &amp;done</source>
        <translation>标记完成(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Waive</source>
        <translation>豁免(&amp;W)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>until a date</source>
        <translation>暂缓至某日</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Snooze</source>
        <translation>暂缓提醒(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+38"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Evidence file:</source>
        <translation>证明文件：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Snooze:</source>
        <translation>暂缓：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Record the triggering event</source>
        <translation>记录触发事件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. ticket number, who reported it</source>
        <translation>例如 工单号、报告人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record event</source>
        <translation>记录事件(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Obligation #%1</source>
        <translation>义务 #%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Obligation — %1</source>
        <translation>义务 — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contract: %1</source>
        <translation>合同：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Owner: %1 · reminders %2 days before</source>
        <translation>负责人：%1 · 提前 %2 天提醒</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replaces obligation #%1 from %2 (supplementary agreement).</source>
        <translation>自 %2 起取代义务 #%1（补充协议）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Superseded: governs only due dates before %1</source>
        <translation>已被取代：仅适用于 %1 之前的到期日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (replaced by %1)</source>
        <translation>（已被 %1 取代）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> (ended)</source>
        <translation>（已终止）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not confirmed: it drives no reminder.</source>
        <translation>未确认：不会产生提醒。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(entered by hand: no clause text)</source>
        <translation>（手动录入：无条款原文）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This obligation is dated from the contract, not from an event.</source>
        <translation>该义务的日期依据合同确定，而非事件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the event</source>
        <translation>该事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dated from %1: record when it happened.</source>
        <translation>自%1起算：请记录其发生时间。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recorded: %1</source>
        <translation>已记录：%1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Choose a due date first.</source>
        <translation>请先选择一个到期日。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Evidence file</source>
        <translation>证明文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>Waive</source>
        <translation>豁免</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Say why it is waived: a note is required.</source>
        <translation>请说明豁免原因：备注为必填。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+3"/>
        <source>Snooze</source>
        <translation>暂缓提醒</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Choose a date after today.</source>
        <translation>请选择今天之后的日期。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Record event</source>
        <translation>记录事件</translation>
    </message>
</context>
<context>
    <name>ObligationFields</name>
    <message>
        <location filename="../../ui/dialogs/fields.py" line="+233"/>
        <source>who in our team handles it</source>
        <translation>由我方团队中谁负责</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>days before, e.g. 30, 7, 1</source>
        <translation>提前天数，例如 30, 7, 1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Party:</source>
        <translation>当事方：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action:</source>
        <translation>事项：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remind (days before):</source>
        <translation>提醒（提前天数）：</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>lead times are whole numbers of days, separated by commas</source>
        <translation>提醒天数须为整数，用逗号分隔</translation>
    </message>
</context>
<context>
    <name>ObligationsModel</name>
    <message>
        <location filename="../../ui/models/obligations_model.py" line="+50"/>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Party</source>
        <translation>当事方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next due</source>
        <translation>下次到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>ObligationsPage</name>
    <message>
        <location filename="../../ui/pages/obligations_page.py" line="+70"/>
        <source>No obligations match these filters.</source>
        <translation>没有符合筛选条件的义务。</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>&amp;Confirm</source>
        <translation>确认(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirm the selected obligations: they get due dates and reminders</source>
        <translation>确认所选义务：确认后将生成到期日和提醒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reject</source>
        <translation>驳回(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reject the selected obligations: not obligations after all</source>
        <translation>驳回所选义务：它们并非真正的义务</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark &amp;done</source>
        <translation>标记完成(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark the next due date of each selected obligation as done</source>
        <translation>将所选每项义务的下一个到期事项标记为已完成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assign &amp;owner…</source>
        <translation>指定负责人(&amp;O)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set who is responsible for the selected obligations</source>
        <translation>指定所选义务的负责人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the selected obligation&apos;s details</source>
        <translation>显示所选义务的详情</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>%n obligation(s)</source>
        <translation>
            <numerusform>%n 项义务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n selected</source>
        <translation>
            <numerusform>已选 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Tickler</source>
        <translation>Tickler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Someone else changed some of these obligations meanwhile, so nothing was changed. The list has been reloaded: check it and try again.</source>
        <translation>其他人已同时修改了其中部分义务，因此未做任何更改。列表已重新加载，请核对后重试。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Reject obligations</source>
        <translation>驳回义务</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Reject %n obligation(s)? They will no longer be reminded of (you can find them under Show: Rejected).</source>
        <translation>
            <numerusform>驳回 %n 项义务？驳回后将不再提醒（可在“显示：已驳回”中找到）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Assign owner</source>
        <translation>指定负责人</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Who is responsible for the %n selected obligation(s)?</source>
        <translation>
            <numerusform>所选 %n 项义务由谁负责？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OccurrenceModel</name>
    <message>
        <location filename="../../ui/dialogs/models.py" line="-73"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Strict date</source>
        <translation>严格日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Snoozed until</source>
        <translation>暂缓至</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (provisional)</source>
        <translation>%1（暂定）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (no longer due)</source>
        <translation>%1（已无需履行）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A year counted over has no published holiday schedule yet: check again when it is out</source>
        <translation>所跨年份的节假日安排尚未公布：公布后请再核对</translation>
    </message>
</context>
<context>
    <name>PdfPageView</name>
    <message>
        <location filename="../../ui/review/document.py" line="+174"/>
        <source>This page could not be shown.</source>
        <translation>无法显示此页面。</translation>
    </message>
</context>
<context>
    <name>QtTrayBackend</name>
    <message>
        <location filename="../../ui/tray/tray.py" line="+155"/>
        <source>Today&apos;s deadlines…</source>
        <translation>今日期限…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Tickler</source>
        <translation>打开 Tickler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>ReminderModel</name>
    <message>
        <location filename="../../ui/tray/digest.py" line="-170"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Obligation</source>
        <translation>义务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Provisional: next year&apos;s holiday schedule is not published yet</source>
        <translation>暂定：明年的节假日安排尚未公布</translation>
    </message>
</context>
<context>
    <name>ReminderTray</name>
    <message numerus="yes">
        <location filename="../../ui/tray/tray.py" line="-83"/>
        <source>Today&apos;s deadlines: %n item(s)</source>
        <translation>
            <numerusform>今日期限：%n 项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deadline reminder</source>
        <translation>期限提醒</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tickler: %1 deadline(s) need attention, %2 overdue</source>
        <translation>Tickler：%1 项期限需要处理，%2 项已逾期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tickler: nothing due</source>
        <translation>Tickler：没有到期事项</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>due in %n day(s)</source>
        <translation>
            <numerusform>%n 天后到期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/review/page.py" line="+68"/>
        <source>&amp;Agreement:</source>
        <translation>协议(&amp;A)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only confirmed obligations drive reminders. Proposed ones (amber) are the extractor&apos;s reading of the text: check each against the clause, then confirm, edit or reject it.</source>
        <translation>只有已确认的义务才会产生提醒。建议项（琥珀色）是系统对原文的识别结果：请对照条款逐项核对，然后确认、修改或驳回。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Original page</source>
        <translation>原文页面</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Obligation</source>
        <translation>义务</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Confirm (C)</source>
        <translation>确认(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reject (R)</source>
        <translation>驳回(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save edits (Ctrl+S)</source>
        <translation>保存修改(&amp;S) (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add obligation from selection (Ctrl+N)</source>
        <translation>根据选中文字添加义务(&amp;A) (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select the clause in the text, then add the obligation the extractor missed</source>
        <translation>在原文中选中条款，添加系统漏识别的义务</translation>
    </message>
    <message numerus="yes">
        <location line="+107"/>
        <source>(%n to review)</source>
        <translation>
            <numerusform>（%n 项待审核）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Scanned pages %1 were read with low OCR confidence: compare their text with the original before confirming anything from them.</source>
        <translation>扫描页 %1 的文字识别置信度较低：确认其中任何义务之前，请对照原件核对文字。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The original file is missing.</source>
        <translation>原始文件缺失。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only PDF originals are shown as pages.</source>
        <translation>只有 PDF 原件才能按页显示。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>No due date yet: it is dated when the triggering event is recorded (open it: O).</source>
        <translation>尚无到期日：记录触发事件后才有日期（按 O 打开）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No due date: the rule is incomplete (a blank period or date). Complete it.</source>
        <translation>无到期日：规则不完整（期限或日期为空），请补全。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No due date in the next two years (or a contract date it counts from is missing).</source>
        <translation>未来两年内无到期日（或缺少起算所依据的合同日期）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due: %1</source>
        <translation>到期：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Strict date (before rolling): %1</source>
        <translation>严格日期（顺延前）：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provisional: the holiday schedule for a year counted over is not published yet.</source>
        <translation>暂定：所跨年份的节假日安排尚未公布。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not scheduled: it drives no reminder until you confirm it.</source>
        <translation>未排期：确认前不会产生提醒。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replaced or ended from %1 by a supplementary agreement.</source>
        <translation>自 %1 起被补充协议取代或终止。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Say how long the period is before confirming (the number is blank).</source>
        <translation>确认前请填写期限长度（数字为空）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+9"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+5"/>
        <source>Save edits</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+10"/>
        <source>Add obligation</source>
        <translation>添加义务</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Select the clause in the document text first, then press Ctrl+N.</source>
        <translation>请先在文档中选中条款文字，再按 Ctrl+N。</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+5"/>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The contract needs a title.</source>
        <translation>合同需要标题。</translation>
    </message>
</context>
<context>
    <name>RuleEditor</name>
    <message>
        <location filename="../../ui/dialogs/fields.py" line="-151"/>
        <source>____ (blank)</source>
        <translation>____（空白）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the trigger as the contract names it, e.g. receipt of invoice</source>
        <translation>合同中对触发事件的称呼，例如 收到发票</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The trigger day counts as day one</source>
        <translation>触发日计入第一天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period:</source>
        <translation>期限：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trigger:</source>
        <translation>触发事件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trigger label:</source>
        <translation>触发事件名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recurrence:</source>
        <translation>重复：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed date:</source>
        <translation>固定日期：</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>a rule &apos;by a fixed date&apos; needs the date</source>
        <translation>“固定日期前”规则需要填写日期</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/pages/settings_dialog.py" line="+78"/>
        <location line="+175"/>
        <location line="+27"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="-196"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadlines</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminders and e-mail</source>
        <translation>提醒与邮件</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(default) the database in your Tickler data folder</source>
        <translation>（默认）Tickler 数据文件夹中的数据库</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A SQLite file, or a PostgreSQL URL for a shared team database: postgresql+psycopg://user@server/tickler</source>
        <translation>SQLite 文件，或团队共享数据库的 PostgreSQL 地址：postgresql+psycopg://user@server/tickler</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+53"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start Tickler when I log in, so reminders are never missed</source>
        <translation>登录时启动 Tickler，以免错过提醒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changes to the database and language take effect when Tickler is restarted.</source>
        <translation>数据库和语言的更改将在 Tickler 重新启动后生效。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Default working-day &amp;calendar:</source>
        <translation>默认工作日日历(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer&apos;s time zone</source>
        <translation>本机时区</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The day deadlines are counted in, e.g. Beijing time for Chinese contracts</source>
        <translation>计算期限所依据的日期，例如中国合同使用北京时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count days in &amp;time zone:</source>
        <translation>按此时区计日(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load holiday schedule file…</source>
        <translation>加载节假日安排文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A JSON or CSV file with a year&apos;s official holidays and make-up working days</source>
        <translation>包含某一年法定节假日和调休上班日的 JSON 或 CSV 文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Days before a due date to remind, separated by commas</source>
        <translation>到期日前提醒的天数，用逗号分隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default &amp;reminders (days before):</source>
        <translation>默认提醒（提前天数）(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Notice, renewal and expiry (days before):</source>
        <translation>通知、续约和到期（提前天数）(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count reminder days in working days</source>
        <translation>提醒天数按工作日计算</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(none) no calendar file</source>
        <translation>（无）不生成日历文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Calendar (.ics) &amp;folder:</source>
        <translation>日历文件 (.ics) 文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Escalate to &amp;manager:</source>
        <translation>升级通知主管(&amp;M)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days overdue</source>
        <translation> 天逾期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Escalate &amp;after:</source>
        <translation>升级时限(&amp;A)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(none) no e-mail reminders</source>
        <translation>（无）不发送邮件提醒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mail &amp;server:</source>
        <translation>邮件服务器(&amp;S)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Encrypt (STARTTLS)</source>
        <translation>加密 (STARTTLS)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail &amp;user name:</source>
        <translation>邮件用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;ender address:</source>
        <translation>发件人地址(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The mail password is kept in the system&apos;s credential store, never in a file.</source>
        <translation>邮件密码保存在系统凭据管理器中，绝不写入文件。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tickler database (*.sqlite3 *.db);;All files (*)</source>
        <translation>Tickler 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folder for the calendar file</source>
        <translation>日历文件所在文件夹</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Holiday schedule file</source>
        <translation>节假日安排文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Schedule files (*.json *.csv)</source>
        <translation>安排文件 (*.json *.csv)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+4"/>
        <source>Holiday schedule</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loaded %1 %2: %3 holidays and %4 make-up working days. Due dates in that year are recomputed with it.</source>
        <translation>已加载 %1 %2 年：%3 个节假日、%4 个调休上班日。该年的到期日将据此重新计算。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Reminder days must be whole numbers separated by commas, e.g. 30, 7, 1.</source>
        <translation>提醒天数须为用逗号分隔的整数，例如 30, 7, 1。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Start at login: %1</source>
        <translation>登录时启动：%1</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <location filename="../../ui/dialogs/supplement.py" line="+64"/>
        <source>Supplementary agreement — %1</source>
        <translation>补充协议 — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Supplementary agreement</source>
        <translation>补充协议(&amp;S)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Contract &amp;history</source>
        <translation>合同历史(&amp;H)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>e.g. 补充协议（一）</source>
        <translation>例如 补充协议（一）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Paste the supplementary agreement&apos;s text here (optional, kept for reference)</source>
        <translation>在此粘贴补充协议文本（可选，留作参考）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Si&amp;gned:</source>
        <translation>签署日(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Effective from:</source>
        <translation>生效日期(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Te&amp;xt:</source>
        <translation>文本(&amp;X)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;move change</source>
        <translation>移除变更(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What it changes (saved together, all or nothing)</source>
        <translation>变更内容（一并保存，要么全部生效，要么全部不生效）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New change</source>
        <translation>新变更</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add an obligation</source>
        <translation>添加义务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change an obligation (from the effective date)</source>
        <translation>变更义务（自生效日起）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End an obligation</source>
        <translation>终止义务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change contract facts</source>
        <translation>修改合同信息</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Obligation:</source>
        <translation>义务(&amp;O)：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New e&amp;xpiry date:</source>
        <translation>新到期日(&amp;X)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New te&amp;rm:</source>
        <translation>新期限(&amp;R)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A&amp;dd to changes</source>
        <translation>加入变更(&amp;D)</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+82"/>
        <location line="+6"/>
        <source>Supplementary agreement</source>
        <translation>补充协议</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Nothing changed in the contract facts.</source>
        <translation>合同信息没有变化。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expires %1</source>
        <translation>%1 到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>term %1</source>
        <translation>期限 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract facts → %1</source>
        <translation>合同信息 → %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add: %1 — %2</source>
        <translation>新增：%1 — %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This contract has no confirmed obligation to change or end.</source>
        <translation>该合同没有可变更或终止的已确认义务。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End: #%1</source>
        <translation>终止：#%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing changed in this obligation.</source>
        <translation>该义务没有变化。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change #%1: %2 → %3</source>
        <translation>变更 #%1：%2 → %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Give the supplementary agreement a title.</source>
        <translation>请为补充协议填写标题。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Say from when the supplementary agreement takes effect.</source>
        <translation>请填写补充协议的生效日期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add at least one change (an obligation added, changed or ended, or new facts).</source>
        <translation>请至少添加一项变更（新增、变更或终止义务，或修改合同信息）。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/pages/welcome.py" line="+15"/>
        <source>Welcome to Tickler</source>
        <translation>欢迎使用 Tickler</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;p&gt;Tickler keeps track of the dates your signed contracts commit you to: notice periods, payments, renewals, reports.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Import&lt;/b&gt; your signed agreements (PDF, Word or text files; you can drop several onto this window at once).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Review&lt;/b&gt; the obligations Tickler finds: confirm, correct or reject each one against the contract text.&lt;/li&gt;&lt;li&gt;Tickler computes the &lt;b&gt;due dates&lt;/b&gt; on real working-day calendars and &lt;b&gt;reminds&lt;/b&gt; you in time.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Nothing leaves this computer: documents are read here, without any online service.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Tickler 帮您跟踪已签合同中约定的各项期限：通知期、付款、续约、报告等。&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;导入&lt;/b&gt;已签署的协议（PDF、Word 或文本文件；可一次将多个文件拖放到本窗口）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;审核&lt;/b&gt; Tickler 找到的义务：对照合同原文逐项确认、修改或驳回。&lt;/li&gt;&lt;li&gt;Tickler 按真实的工作日日历计算&lt;b&gt;到期日&lt;/b&gt;，并及时&lt;b&gt;提醒&lt;/b&gt;您。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;所有内容均不离开本机：文件在本地读取，不使用任何在线服务。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Import agreements…</source>
        <translation>导入协议(&amp;I)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Try the &amp;sample agreement</source>
        <translation>试用示例协议(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a sample telephone service agreement (Chinese) to look around</source>
        <translation>导入一份示例电话服务协议（中文）来体验</translation>
    </message>
</context>
<context>
    <name>Writes</name>
    <message>
        <location filename="../../ui/dialogs/writes.py" line="+36"/>
        <source>Someone else changed this meanwhile. It has been reloaded: check it and try again.</source>
        <translation>其他人已同时修改了此内容。已重新加载，请核对后重试。</translation>
    </message>
</context>
</TS>
