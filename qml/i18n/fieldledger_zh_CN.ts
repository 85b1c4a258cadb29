<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChecklistItemDelegate</name>
    <message numerus="yes">
        <source>%n finding(s), −%1 of at most %2</source>
        <translation>
            <numerusform>%n 个问题，扣 %1 分（最多 %2 分）</numerusform>
        </translation>
    </message>
    <message>
        <source>At most −%1</source>
        <comment>maximum deduction of an item</comment>
        <translation>最多扣 %1 分</translation>
    </message>
    <message>
        <source>Record a finding</source>
        <translation>记录问题</translation>
    </message>
    <message>
        <source>%1 of %2 items with findings</source>
        <translation>%2 项中 %1 项有问题</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>No checklist</source>
        <translation>暂无检查清单</translation>
    </message>
    <message>
        <source>The round&apos;s checklist arrives with the visit when the tablet syncs.</source>
        <translation>本轮次的检查清单会在平板同步时随走访任务一起下发。</translation>
    </message>
</context>
<context>
    <name>FindingDelegate</name>
    <message>
        <source>%1 · %2 · due %3</source>
        <comment>item code · severity · due date</comment>
        <translation>%1 · %2 · 整改时限 %3</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>item code · severity</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>−%1</source>
        <comment>points deducted</comment>
        <translation>−%1</translation>
    </message>
</context>
<context>
    <name>FindingEditorPage</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>New finding</source>
        <translation>新增问题</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Saved automatically</source>
        <translation>已自动保存</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>FindingForm</name>
    <message>
        <source>Checklist item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Choose the item this finding falls under</source>
        <translation>选择该问题所属的检查项</translation>
    </message>
    <message>
        <source>%1 · deduction at most %2</source>
        <comment>checklist level · maximum deduction</comment>
        <translation>%1 · 最多扣 %2 分</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>问题标题</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>What is wrong, in one line</source>
        <translation>一句话概括问题</translation>
    </message>
    <message>
        <source>Deduction (points)</source>
        <translation>扣分（分）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>0 to %1</source>
        <translation>0 至 %1</translation>
    </message>
    <message>
        <source>Responsible unit or person</source>
        <translation>责任单位或责任人</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD（年-月-日）</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>What was seen, where, and on what evidence</source>
        <translation>看到了什么、在哪里、有哪些佐证材料</translation>
    </message>
    <message>
        <source>Rectification status: %1</source>
        <translation>整改状态：%1</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Findings (%1)</source>
        <comment>list header with the number of findings</comment>
        <translation>发现问题（%1）</translation>
    </message>
    <message>
        <source>No findings yet</source>
        <translation>尚未记录问题</translation>
    </message>
    <message>
        <source>Tap a checklist item to record a finding under it.</source>
        <translation>点击检查项即可在其下记录问题。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Party group (committee)</source>
        <comment>checklist level 1: 党组（党委）</comment>
        <translation>党组（党委）</translation>
    </message>
    <message>
        <source>Organ party committee</source>
        <comment>checklist level 2: 机关党委</comment>
        <translation>机关党委</translation>
    </message>
    <message>
        <source>Grassroots party organisations</source>
        <comment>checklist level 3: 基层党组织</comment>
        <translation>基层党组织</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>finding status: recorded, rectification not started</comment>
        <translation>待整改</translation>
    </message>
    <message>
        <source>Rectifying</source>
        <comment>finding status: 整改中</comment>
        <translation>整改中</translation>
    </message>
    <message>
        <source>Awaiting verification</source>
        <comment>finding status: 待验收</comment>
        <translation>待验收</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>finding status: 销号</comment>
        <translation>已销号</translation>
    </message>
    <message>
        <source>Minor</source>
        <comment>finding severity</comment>
        <translation>轻微</translation>
    </message>
    <message>
        <source>Moderate</source>
        <comment>finding severity</comment>
        <translation>一般</translation>
    </message>
    <message>
        <source>Serious</source>
        <comment>finding severity</comment>
        <translation>严重</translation>
    </message>
    <message>
        <source>Planned</source>
        <comment>visit status</comment>
        <translation>待走访</translation>
    </message>
    <message>
        <source>In progress</source>
        <comment>visit status</comment>
        <translation>走访中</translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>visit status</comment>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>FieldLedger</source>
        <comment>window title; the product name 督查台账</comment>
        <translation>督查台账</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <source>Score</source>
        <comment>the unit&apos;s score on this visit (得分)</comment>
        <translation>得分</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <comment>score / base</comment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>−%1</source>
        <comment>points deducted</comment>
        <translation>−%1</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>FieldLedger</source>
        <comment>product name 督查台账</comment>
        <translation>督查台账</translation>
    </message>
    <message>
        <source>Choose a passphrase. It encrypts everything on this tablet; without it nobody, including you, can read the data.</source>
        <translation>请设置口令。平板上的全部数据都用它加密；没有口令，任何人（包括您自己）都无法读取。</translation>
    </message>
    <message>
        <source>Enter your passphrase to unlock.</source>
        <translation>请输入口令解锁。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
    <message>
        <source>Create and unlock</source>
        <translation>创建并解锁</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message numerus="yes">
        <source>Next try in %n second(s).</source>
        <translation>
            <numerusform>%n 秒后可再试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Locks itself after %n minute(s) without use and when the app goes to the background.</source>
        <translation>
            <numerusform>%n 分钟无操作或应用转入后台时自动锁定。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitDelegate</name>
    <message>
        <source>%1 · %2</source>
        <comment>visit date · team</comment>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not synced</source>
        <comment>changes of this visit not yet synced</comment>
        <translation>
            <numerusform>%n 项待同步</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitListPage</name>
    <message>
        <source>Visits</source>
        <comment>page title: the inspector&apos;s visits (走访)</comment>
        <translation>走访</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet synced</source>
        <translation>
            <numerusform>%n 项更改待同步</numerusform>
        </translation>
    </message>
    <message>
        <source>Lock</source>
        <comment>action: lock the vault now</comment>
        <translation>锁定</translation>
    </message>
    <message>
        <source>No visits yet</source>
        <translation>暂无走访任务</translation>
    </message>
    <message>
        <source>Visits assigned to this tablet appear here after a sync with the inspection office.</source>
        <translation>与督查室同步后，分配给本平板的走访任务会显示在这里。</translation>
    </message>
</context>
<context>
    <name>VisitPage</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <comment>visit date · round · status</comment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Score and findings</source>
        <translation>得分与问题</translation>
    </message>
    <message>
        <source>This visit is not on this tablet</source>
        <translation>本平板上没有这次走访</translation>
    </message>
    <message>
        <source>Go back and choose a visit from the list.</source>
        <translation>请返回，从列表中选择一次走访。</translation>
    </message>
</context>
<context>
    <name>fl::app::AppServices</name>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Too many wrong passphrases: wait until the countdown ends.</source>
        <translation>口令错误次数过多，请等倒计时结束后再试。</translation>
    </message>
    <message>
        <source>Could not create the data folder %1.</source>
        <translation>无法创建数据文件夹 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Wrong passphrase (%n failed attempt(s) in a row).</source>
        <translation>
            <numerusform>口令错误（已连续失败 %n 次）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Locked. Unlock to continue.</source>
        <translation>已锁定，请解锁后继续。</translation>
    </message>
</context>
<context>
    <name>fl::app::FindingEditor</name>
    <message>
        <source>Enter the deduction as a number, for example 2 or 2.5.</source>
        <translation>扣分请填数字，例如 2 或 2.5。</translation>
    </message>
    <message>
        <source>Enter the due date as YYYY-MM-DD, for example 2026-12-31.</source>
        <translation>整改时限请按“年-月-日”填写，例如 2026-12-31。</translation>
    </message>
    <message>
        <source>Locked: this change is kept here and saved when you unlock.</source>
        <translation>已锁定：此项修改保留在本页，解锁后自动保存。</translation>
    </message>
</context>
<context>
    <name>fl::app::PassphraseMeter</name>
    <message numerus="yes">
        <source>Too short: use at least %n characters; a few words are easy to type and hard to guess.</source>
        <translation>
            <numerusform>太短：至少 %n 个字符；几个词连在一起，既好输入又难猜。</numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: add another word, or mix in digits, capitals or punctuation.</source>
        <translation>弱：再加一个词，或混用数字、大写字母、标点。</translation>
    </message>
    <message>
        <source>Fair: one or two more words make it much stronger.</source>
        <translation>一般：再加一两个词会强得多。</translation>
    </message>
    <message>
        <source>Good.</source>
        <translation>较强。</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>强。</translation>
    </message>
</context>
<context>
    <name>fl::app::VisitListModel</name>
    <message>
        <source>%1 – %2</source>
        <comment>round period: start – end</comment>
        <translation>%1 至 %2</translation>
    </message>
</context>
<context>
    <name>fl::lifecycle</name>
    <message>
        <source>open</source>
        <comment>finding status</comment>
        <translation>待整改</translation>
    </message>
    <message>
        <source>rectifying</source>
        <comment>finding status</comment>
        <translation>整改中</translation>
    </message>
    <message>
        <source>awaiting verification</source>
        <comment>finding status</comment>
        <translation>待验收</translation>
    </message>
    <message>
        <source>closed</source>
        <comment>finding status</comment>
        <translation>已销号</translation>
    </message>
    <message>
        <source>in an unknown state</source>
        <comment>finding status</comment>
        <translation>状态未知</translation>
    </message>
    <message>
        <source>start rectification</source>
        <comment>finding action</comment>
        <translation>开始整改</translation>
    </message>
    <message>
        <source>submit for verification</source>
        <comment>finding action</comment>
        <translation>提交验收</translation>
    </message>
    <message>
        <source>verification passed</source>
        <comment>finding action</comment>
        <translation>验收通过</translation>
    </message>
    <message>
        <source>verification not passed</source>
        <comment>finding action</comment>
        <translation>验收不通过</translation>
    </message>
    <message>
        <source>an unknown action</source>
        <comment>finding action</comment>
        <translation>未知操作</translation>
    </message>
    <message>
        <source>A finding that is %1 cannot be put into rectification; only a finding that is %2 can.</source>
        <translation>“%1”的问题不能开始整改，只有“%2”的问题可以。</translation>
    </message>
    <message>
        <source>A finding that is %1 cannot be submitted for verification; only a finding that is %2 can.</source>
        <translation>“%1”的问题不能提交验收，只有“%2”的问题可以。</translation>
    </message>
    <message>
        <source>A finding that is %1 cannot be verified as passed; only a finding that is %2 can.</source>
        <translation>“%1”的问题不能验收通过，只有“%2”的问题可以。</translation>
    </message>
    <message>
        <source>A finding that is %1 cannot be verified as not passed; only a finding that is %2 can.</source>
        <translation>“%1”的问题不能判定验收不通过，只有“%2”的问题可以。</translation>
    </message>
    <message>
        <source>The action &quot;%1&quot; is not known.</source>
        <translation>未知操作“%1”。</translation>
    </message>
    <message>
        <source>A closed finding is final.</source>
        <translation>已销号的问题不能再变更。</translation>
    </message>
    <message>
        <source>The step is recorded as going from %1 to %2, but &quot;%3&quot; takes a finding that is %1 to %4.</source>
        <translation>该步骤记录为从“%1”到“%2”，但“%3”会把“%1”的问题变为“%4”。</translation>
    </message>
    <message>
        <source>Record who took this step: the person&apos;s name is missing.</source>
        <translation>请记录操作人：缺少姓名。</translation>
    </message>
    <message>
        <source>A verification needs a note saying what was checked.</source>
        <translation>验收需要填写说明，写明核查了什么。</translation>
    </message>
</context>
<context>
    <name>fl::validation</name>
    <message>
        <source>party group</source>
        <comment>level</comment>
        <translation>党组（党委）</translation>
    </message>
    <message>
        <source>organ party committee</source>
        <comment>level</comment>
        <translation>机关党委</translation>
    </message>
    <message>
        <source>grassroots party organisation</source>
        <comment>level</comment>
        <translation>基层党组织</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>level</comment>
        <translation>未知</translation>
    </message>
    <message>
        <source>The finding needs a title.</source>
        <translation>问题需要填写标题。</translation>
    </message>
    <message>
        <source>Choose the checklist item this finding falls under.</source>
        <translation>请选择该问题所属的检查项。</translation>
    </message>
    <message>
        <source>The finding is filed under checklist item %1, not under item %2.</source>
        <translation>该问题归在检查项 %1 下，而不是检查项 %2。</translation>
    </message>
    <message>
        <source>The finding belongs to visit %1, not to visit %2.</source>
        <translation>该问题属于走访 %1，而不是走访 %2。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>The finding is on the %1 level, but item %2 belongs to the %3 level.</source>
        <translation>该问题属于“%1”层级，但检查项 %2 属于“%3”层级。</translation>
    </message>
    <message>
        <source>The deduction must be a number.</source>
        <translation>扣分必须是数字。</translation>
    </message>
    <message>
        <source>Deduction %1 is negative; enter 0 or more.</source>
        <translation>扣分 %1 为负数，请填 0 或以上。</translation>
    </message>
    <message>
        <source>Deduction %1 exceeds the maximum of %2 for item %3.</source>
        <translation>扣分 %1 超过检查项 %3 的最高扣分 %2。</translation>
    </message>
    <message>
        <source>The due date %1 is before the visit on %2.</source>
        <translation>整改时限 %1 早于走访日期 %2。</translation>
    </message>
    <message>
        <source>The round needs a name.</source>
        <translation>轮次需要名称。</translation>
    </message>
    <message>
        <source>The round ends on %1, before it starts on %2.</source>
        <translation>轮次结束日期 %1 早于开始日期 %2。</translation>
    </message>
    <message>
        <source>The base score %1 for the %2 level must be greater than 0.</source>
        <translation>“%2”层级的基础分 %1 必须大于 0。</translation>
    </message>
    <message>
        <source>The checklist item needs a code, such as 1.2.3.</source>
        <translation>检查项需要编号，例如 1.2.3。</translation>
    </message>
    <message>
        <source>Checklist item %1 needs a text saying what is checked.</source>
        <translation>检查项 %1 需要写明检查内容。</translation>
    </message>
    <message>
        <source>Checklist item %1 has an unknown level (%2).</source>
        <translation>检查项 %1 的层级未知（%2）。</translation>
    </message>
    <message>
        <source>The maximum deduction %1 for item %2 must be greater than 0.</source>
        <translation>检查项 %2 的最高扣分 %1 必须大于 0。</translation>
    </message>
    <message>
        <source>The unit needs a name.</source>
        <translation>被督查单位需要名称。</translation>
    </message>
    <message>
        <source>Choose the unit this visit is to.</source>
        <translation>请选择本次走访的被督查单位。</translation>
    </message>
    <message>
        <source>The visit needs a date.</source>
        <translation>走访需要日期。</translation>
    </message>
    <message>
        <source>The interview note needs the name of the person interviewed.</source>
        <translation>谈话记录需要填写谈话对象姓名。</translation>
    </message>
    <message>
        <source>The interview note with %1 has no content.</source>
        <translation>与 %1 的谈话记录没有内容。</translation>
    </message>
</context>
</TS>
