<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutView</name>
    <message>
        <source>About this information</source>
        <translation>关于这些信息</translation>
    </message>
    <message>
        <source>China</source>
        <translation>中国</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <source>South Korea</source>
        <translation>韩国</translation>
    </message>
    <message>
        <source>Russia</source>
        <translation>俄罗斯</translation>
    </message>
    <message>
        <source>International bodies and others</source>
        <translation>国际组织及其他</translation>
    </message>
    <message>
        <source>Everything in this guide comes from the sources below. Each topic lists the ones it uses. Laws and rules change: before you decide, check with the office or website named in the source.</source>
        <translation>本指南的所有内容都来自下面这些资料。每个主题都列出了它用到的资料。法律和规定会变：做决定之前，请向资料里提到的部门或网站再核实一次。</translation>
    </message>
    <message>
        <source>Laws, official notices and reports (%1)</source>
        <translation>法律、官方通知和报道（%1）</translation>
    </message>
    <message>
        <source>Confidence says how well a fact was checked. High: an official text, or several sources that agree. Medium: one source we trust.</source>
        <translation>“可信度”说明一条信息核实得有多充分。高：有官方文本，或者几个来源说法一致。中等：只有一个可靠的来源。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Background papers</source>
        <translation>背景文章</translation>
    </message>
    <message>
        <source>Two papers written for governments and researchers give background. They are not rules for you. Below, each part of them is told in our own words.</source>
        <translation>下面两篇文章是写给政府部门和研究人员的，只作背景参考，不是你要遵守的规定。每一部分的内容都由我们用自己的话重新说明。</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>资料日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Figures and phone numbers (%1)</source>
        <translation>数字和电话（%1项）</translation>
    </message>
    <message>
        <source>Wages, quotas, fees, dates and phone numbers change. Each one is kept once, with the date of the source it comes from. Where the guide shows one, it shows this date next to it.</source>
        <translation>工资、名额、费用、日期和电话都会变。每一项只在这里记一次，并写明资料的日期。指南里用到它时，会在旁边写上这个日期。</translation>
    </message>
    <message>
        <source>Where to find it: %1</source>
        <translation>在哪里找到：%1</translation>
    </message>
    <message>
        <source>Checked in the project&apos;s notes: %1</source>
        <translation>本项目的核实记录：%1</translation>
    </message>
    <message>
        <source>What it says, part by part:</source>
        <translation>各部分讲了什么：</translation>
    </message>
</context>
<context>
    <name>AnswerInput</name>
    <message>
        <source>Choose one…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>yuan (RMB)</source>
        <translation>元（人民币）</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>还没定</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <source>Emergency card</source>
        <translation>紧急求助卡</translation>
    </message>
    <message>
        <source>The card carries the China consular hotline and the help lines of your destination. Add your own details below; anything you leave empty is printed as a blank line to fill in by hand. These details stay on this computer.</source>
        <translation>卡上印有中国的领事保护热线和目的地的求助电话。你可以在下面填上自己的信息；没有填的地方会印成空行，以后可以用笔写上。这些信息只保存在这台电脑上。</translation>
    </message>
    <message>
        <source>&amp;Sending company:</source>
        <translation>派出公司(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Employer:</source>
        <translation>雇主(&amp;E)：</translation>
    </message>
    <message>
        <source>Su&amp;pervising organisation:</source>
        <translation>监理团体/管理单位(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Family contact:</source>
        <translation>家人联系电话(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Insurance policy number:</source>
        <translation>保险单号(&amp;I)：</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>存成PDF(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>ChecklistItemRow</name>
    <message>
        <source>Overdue: was due %1</source>
        <translation>已过期：本应在%1前办好</translation>
    </message>
    <message>
        <source>Done (was due %1)</source>
        <translation>已完成（截止日期%1）</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>%1前办好</translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation>资料来源：%1</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Where the paper is, whom to call…</source>
        <translation>比如材料放在哪里、该找谁…</translation>
    </message>
    <message>
        <source>Note for “%1”</source>
        <translation>“%1”的备注</translation>
    </message>
    <message>
        <source>Read more</source>
        <translation>详细了解</translation>
    </message>
    <message>
        <source>Read more about “%1” in the Guide</source>
        <translation>在指南里详细了解“%1”</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <source>Preparing your checklist…</source>
        <translation>正在准备你的清单…</translation>
    </message>
    <message>
        <source>Your checklist is not ready yet. Answer the questionnaire first: then the steps of your plan show here, phase by phase, with the date each one should be done by.</source>
        <translation>你的清单还没有生成。请先回答问卷，你计划里的每一步就会按阶段列在这里，还会写明每件事该在哪天前办好。</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Stop: your answers show warning signs. Do not pay any more money and do not leave until they are cleared up.</source>
        <translation>停下：你的回答里有危险信号。问题弄清楚之前，不要再交钱，也不要出发。</translation>
    </message>
    <message>
        <source>Be careful: your answers show warning signs. Check them before you pay or sign.</source>
        <translation>要当心：你的回答里有危险信号。交钱或签字之前，先把它们核实清楚。</translation>
    </message>
    <message>
        <source>All phases</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%2件中已完成%1件</translation>
    </message>
    <message>
        <source>Overall: %1 of %2 steps done</source>
        <translation>总进度：%2件事中已完成%1件</translation>
    </message>
    <message>
        <source>Getting ready</source>
        <translation>先做准备</translation>
    </message>
    <message>
        <source>Before you sign or pay</source>
        <translation>签合同、交钱之前</translation>
    </message>
    <message>
        <source>Before departure</source>
        <translation>出发之前</translation>
    </message>
    <message>
        <source>When you arrive</source>
        <translation>刚到的时候</translation>
    </message>
    <message>
        <source>While you work</source>
        <translation>工作期间</translation>
    </message>
    <message>
        <source>Coming home</source>
        <translation>回国时和回国后</translation>
    </message>
    <message>
        <source>&amp;Start the questionnaire</source>
        <translation>开始回答问卷(&amp;S)</translation>
    </message>
    <message>
        <source>See the warni&amp;ng signs</source>
        <translation>查看危险信号(&amp;N)</translation>
    </message>
    <message>
        <source>You have not given a departure date, so the steps have no dates yet. Add it in the questionnaire to see by when each step should be done.</source>
        <translation>你还没有填出发日期，所以这些事还没有截止日期。到问卷里填上出发日期，就能看到每件事该在哪天前办好。</translation>
    </message>
    <message>
        <source>&amp;Add a departure date</source>
        <translation>填写出发日期(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>Which phase to show</source>
        <translation>显示哪个阶段</translation>
    </message>
</context>
<context>
    <name>ChecklistPrintBox</name>
    <message>
        <source>Print or save</source>
        <translation>打印或保存</translation>
    </message>
    <message>
        <source>Save the checklist as PDF</source>
        <translation>把清单存成PDF文件</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the checklist as a web page</source>
        <translation>把清单存成网页文件</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>网页文件 (*.html)</translation>
    </message>
    <message>
        <source>Emergency card</source>
        <translation>紧急求助卡</translation>
    </message>
    <message>
        <source>Save the emergency card as PDF</source>
        <translation>把紧急求助卡存成PDF文件</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Print the checklist</source>
        <translation>打印清单</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>Saved: %1 (pages: %2)</source>
        <translation>已保存：%1（共%2页）</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>没能保存</translation>
    </message>
    <message>
        <source>The file %1 could not be saved: %2</source>
        <translation>文件%1没能保存：%2</translation>
    </message>
    <message>
        <source>Print or save this checklist</source>
        <translation>打印或保存这份清单</translation>
    </message>
    <message>
        <source>Printout &amp;language:</source>
        <translation>打印语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Language of the printout</source>
        <translation>打印用的语言</translation>
    </message>
    <message>
        <source>Paper si&amp;ze:</source>
        <translation>纸张大小(&amp;Z)：</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>纸张大小</translation>
    </message>
    <message>
        <source>Letter (US)</source>
        <translation>Letter（美国信纸）</translation>
    </message>
    <message>
        <source>Print previe&amp;w…</source>
        <translation>打印预览(&amp;W)…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>存成PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save as &amp;HTML…</source>
        <translation>存成网页(&amp;H)…</translation>
    </message>
    <message>
        <source>Emergency &amp;card…</source>
        <translation>紧急求助卡(&amp;C)…</translation>
    </message>
    <message>
        <source>A small card with the numbers to call for help, to print, cut out and keep in your wallet.</source>
        <translation>一张印有求助电话的小卡片。打印出来，剪下来，放在钱包里。</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Passage&apos;s content files have problems:</source>
        <translation>程序自带的内容文件有问题：</translation>
    </message>
    <message>
        <source>There are problems in the file:</source>
        <translation>文件里有这些问题：</translation>
    </message>
    <message>
        <source>The answers file {path} does not exist.</source>
        <translation>答案文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>Saved the answers as the profile “{name}” in {path}.</source>
        <translation>已把这些回答存为档案“{name}”，位置：{path}。</translation>
    </message>
    <message>
        <source>The file {path} cannot be read.</source>
        <translation>文件 {path} 读不出来。</translation>
    </message>
    <message>
        <source>The file {path} is too large to be a Passage profile.</source>
        <translation>文件 {path} 太大了，不会是出国务工指南的档案。</translation>
    </message>
    <message>
        <source>The file {path} is not a Passage profile: it is not UTF-8 text.</source>
        <translation>文件 {path} 不是出国务工指南的档案：它不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>The file {path} is damaged or not a Passage profile: it is not valid JSON.</source>
        <translation>文件 {path} 坏了，或者不是出国务工指南的档案：它不是有效的 JSON。</translation>
    </message>
    <message>
        <source>The file {path} is not a Passage profile. Choose a file made with “Export this profile”.</source>
        <translation>文件 {path} 不是出国务工指南的档案。请选用“导出这个档案”做出来的文件。</translation>
    </message>
    <message>
        <source>The file {path} was made by a newer Passage. Install the newer version to import it.</source>
        <translation>文件 {path} 是新版出国务工指南做的。请装上新版本再导入。</translation>
    </message>
    <message>
        <source>The file {path} is incomplete: a required field is missing.</source>
        <translation>文件 {path} 不完整：缺少必须有的一项。</translation>
    </message>
    <message>
        <source>The file {path} has a field Passage does not know.</source>
        <translation>文件 {path} 里有一项出国务工指南不认识。</translation>
    </message>
    <message>
        <source>The file {path} has a field of the wrong kind.</source>
        <translation>文件 {path} 里有一项的类型不对。</translation>
    </message>
    <message>
        <source>The file {path} has a value that is not allowed.</source>
        <translation>文件 {path} 里有一个不允许的值。</translation>
    </message>
    <message>
        <source>The file {path} has a field that is too long.</source>
        <translation>文件 {path} 里有一项太长了。</translation>
    </message>
    <message>
        <source>The file {path} cannot be imported.</source>
        <translation>文件 {path} 无法导入。</translation>
    </message>
    <message>
        <source>Field: {field}</source>
        <translation>位置：{field}</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>什么都没有导入。</translation>
    </message>
    <message>
        <source>The file {path} already exists. Choose another name, or add --force.</source>
        <translation>文件 {path} 已经存在。请换个名字，或者加上 --force。</translation>
    </message>
    <message>
        <source>The folder {path} does not exist.</source>
        <translation>文件夹 {path} 不存在。</translation>
    </message>
    <message>
        <source>There is no profile called “{name}”. Profiles: {names}</source>
        <translation>没有叫“{name}”的档案。现有档案：{names}</translation>
    </message>
    <message>
        <source>The file {path} cannot be written: {error}</source>
        <translation>文件 {path} 写不进去：{error}</translation>
    </message>
    <message>
        <source>Exported the profile “{name}” ({answers} answers, {checklist} checklist items, {notes} notes, of which {evidence} evidence) to {path}.</source>
        <translation>已把档案“{name}”导出到 {path}（{answers} 个回答、{checklist} 项清单、{notes} 条笔记，其中 {evidence} 条是证据）。</translation>
    </message>
    <message>
        <source>The file holds personal information: keep it safe and delete it when done.</source>
        <translation>这个文件里有个人信息：请保管好，用完就删掉。</translation>
    </message>
    <message>
        <source>Imported “{name}” as the profile “{profile}” ({answers} answers, {checklist} checklist items, {notes} notes) in {path}.</source>
        <translation>已把“{name}”导入为档案“{profile}”（{answers} 个回答、{checklist} 项清单、{notes} 条笔记），位置：{path}。</translation>
    </message>
</context>
<context>
    <name>EvidenceForm</name>
    <message>
        <source>Money paid</source>
        <translation>付过的钱</translation>
    </message>
    <message>
        <source>Write down every payment: fees, deposits, training, tickets. Keep the receipts. The printed summary adds up what you paid in each currency.</source>
        <translation>每一笔钱都记下来：中介费、押金、培训费、机票钱。收据要留好。打印的汇总会按币种算出你一共付了多少。</translation>
    </message>
    <message>
        <source>Add a pa&amp;yment</source>
        <translation>添加一笔付款(&amp;Y)</translation>
    </message>
    <message>
        <source>Add a payment</source>
        <translation>添加一笔付款</translation>
    </message>
    <message>
        <source>Promises made to you</source>
        <translation>别人答应你的事</translation>
    </message>
    <message>
        <source>Write down what an agency or employer promised you, who said it and when, even if it was only said out loud.</source>
        <translation>记下中介或雇主答应过你什么、是谁说的、什么时候说的。只是嘴上说的也要记。</translation>
    </message>
    <message>
        <source>Add a pro&amp;mise</source>
        <translation>添加一个承诺(&amp;M)</translation>
    </message>
    <message>
        <source>Add a promise</source>
        <translation>添加一个承诺</translation>
    </message>
</context>
<context>
    <name>GuidePage</name>
    <message>
        <source>Topics found: %1</source>
        <translation>找到%1个主题</translation>
    </message>
    <message>
        <source>Nothing was found for &quot;%1&quot;. Try a shorter word, or another word with the same meaning, such as: %2.</source>
        <translation>没有找到“%1”。请试试更短的词，或者意思相近的别的词，比如：%2。</translation>
    </message>
    <message>
        <source>&amp;Search the guide:</source>
        <translation>搜索指南(&amp;S)：</translation>
    </message>
    <message>
        <source>Related words: %1</source>
        <translation>相关词：%1</translation>
    </message>
    <message>
        <source>For example: passport</source>
        <translation>例如：护照</translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation>搜索指南</translation>
    </message>
    <message>
        <source>Contents of the guide</source>
        <translation>指南目录</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>About this &amp;information</source>
        <translation>关于这些信息(&amp;I)</translation>
    </message>
    <message>
        <source>About this information: all the sources</source>
        <translation>关于这些信息：全部资料来源</translation>
    </message>
</context>
<context>
    <name>GuideText</name>
    <message>
        <source>Confidence: high</source>
        <translation>可信度：高</translation>
    </message>
    <message>
        <source>Confidence: fairly high</source>
        <translation>可信度：较高</translation>
    </message>
    <message>
        <source>Confidence: medium</source>
        <translation>可信度：中等</translation>
    </message>
    <message>
        <source>Confidence: %1</source>
        <translation>可信度：%1</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>未注明日期</translation>
    </message>
    <message>
        <source>(background reading, not a rule)</source>
        <translation>（背景参考，不是规定）</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>My plan</source>
        <translation>我的计划</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>新建档案</translation>
    </message>
    <message>
        <source>Name of the person this plan is for:</source>
        <translation>这份计划是给谁的？请写名字：</translation>
    </message>
    <message>
        <source>Rename profile</source>
        <translation>改档案名</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名字：</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>删除档案</translation>
    </message>
    <message>
        <source>Delete the profile “%1” with all its answers, checklist ticks and notes? This cannot be undone.</source>
        <translation>要删除档案“%1”吗？它的全部回答、清单勾选和笔记都会一起删除，删除后不能恢复。</translation>
    </message>
    <message>
        <source>Preparing your plan…</source>
        <translation>正在准备你的计划…</translation>
    </message>
    <message>
        <source>You have answered %1 of %2 questions. The plan below changes as soon as an answer changes.</source>
        <translation>你已经回答了 %2 个问题中的 %1 个。你一改回答，下面的计划就会马上跟着变。</translation>
    </message>
    <message>
        <source>&amp;Change my answers</source>
        <translation>修改我的回答(&amp;C)</translation>
    </message>
    <message>
        <source>Stop: do not pay any more money and do not leave until the warning signs below are cleared up.</source>
        <translation>先停下：下面的危险信号弄清楚之前，不要再交钱，也不要出发。</translation>
    </message>
    <message>
        <source>Be careful: check the points below before you pay or sign.</source>
        <translation>要当心：交钱或签字之前，先核实下面几点。</translation>
    </message>
    <message>
        <source>No warning signs in your answers so far. Keep checking as things change.</source>
        <translation>从你目前的回答看，还没有发现危险信号。情况有变化时，请再检查一遍。</translation>
    </message>
    <message>
        <source>STOP</source>
        <translation>停下</translation>
    </message>
    <message>
        <source>CAUTION</source>
        <translation>当心</translation>
    </message>
    <message>
        <source>What to do now:</source>
        <translation>现在该做什么：</translation>
    </message>
    <message>
        <source>Read more</source>
        <translation>详细了解</translation>
    </message>
    <message>
        <source>Routes that fit you</source>
        <translation>适合你的渠道</translation>
    </message>
    <message>
        <source>What you still need</source>
        <translation>你还缺什么</translation>
    </message>
    <message>
        <source>%1 of %2 requirements met.</source>
        <translation>%2 项要求中已满足 %1 项。</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>by</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>All %1 open steps in your checklist</source>
        <translation>清单里还有 %1 项没完成，点这里查看全部</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎使用</translation>
    </message>
    <message>
        <source>Passage helps you go abroad to work by legal routes: it asks about your plans, shows what the destination requires and which warning signs to watch for, and makes a checklist you can print. Everything stays on this computer.</source>
        <translation>出国务工指南帮你走合法渠道出国工作：它问你几个关于打算的问题，告诉你目的地有什么要求、要当心哪些危险信号，再给你做一份可以打印的清单。所有内容只保存在这台电脑上。</translation>
    </message>
    <message>
        <source>Whose plan is this?</source>
        <translation>这是谁的计划？</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>档案(&amp;P)：</translation>
    </message>
    <message>
        <source>Current profile</source>
        <translation>当前档案</translation>
    </message>
    <message>
        <source>&amp;New profile…</source>
        <translation>新建档案(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>改名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Create a new profile</source>
        <translation>新建一个档案</translation>
    </message>
    <message>
        <source>Rename the current profile</source>
        <translation>给当前档案改名</translation>
    </message>
    <message>
        <source>Delete the current profile</source>
        <translation>删除当前档案</translation>
    </message>
    <message>
        <source>Your plan</source>
        <translation>你的计划</translation>
    </message>
    <message>
        <source>Your plan is not ready yet. Answer the questionnaire: your plan will then show here, with warning signs first, the routes that fit you, what you still need and a checklist.</source>
        <translation>你的计划还没有生成。先回答问卷，计划就会显示在这里：最上面是危险信号，然后是适合你的渠道、你还缺什么，以及一份清单。</translation>
    </message>
    <message>
        <source>&amp;Start the questionnaire</source>
        <translation>开始回答问卷(&amp;S)</translation>
    </message>
    <message>
        <source>Where your data is kept</source>
        <translation>你的资料存在哪里</translation>
    </message>
    <message>
        <source>Portable mode: your data is kept next to the program, in this folder:</source>
        <translation>便携模式：你的资料和程序放在一起，在这个文件夹里：</translation>
    </message>
    <message>
        <source>Your data is kept in the folder chosen with --data-dir:</source>
        <translation>你的资料存在用 --data-dir 指定的文件夹里：</translation>
    </message>
    <message>
        <source>Your answers and notes are kept only on this computer, in this folder:</source>
        <translation>你的回答和笔记只存在这台电脑上，在这个文件夹里：</translation>
    </message>
    <message>
        <source>&amp;Open this folder</source>
        <translation>打开这个文件夹(&amp;O)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>问卷</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>指南</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>档案(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>显示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;New profile…</source>
        <translation>新建档案(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Rename profile…</source>
        <translation>改档案名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete profile…</source>
        <translation>删除档案(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>字大一些(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>字小一些(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>正常字号(&amp;N)</translation>
    </message>
    <message>
        <source>Passage · Working abroad guide — %1</source>
        <translation>Passage · 出国务工指南 — %1</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Passage cannot open your data</source>
        <translation>无法打开你的资料</translation>
    </message>
    <message>
        <source>Your data was recovered</source>
        <translation>你的资料已经恢复</translation>
    </message>
    <message>
        <source>Passage&apos;s content could not be loaded</source>
        <translation>无法载入程序的内容</translation>
    </message>
    <message>
        <source>The Guide and the questionnaire are not available because these files have problems. Your own data is safe.</source>
        <translation>这些文件有问题，所以指南和问卷暂时用不了。你自己的资料没有受影响。</translation>
    </message>
    <message>
        <source>Your data at {path} was saved by a newer version of Passage (data version {found}; this version understands up to {supported}). To keep it safe, this version will not open or change it. Please install the newer version of Passage.</source>
        <translation>你在 {path} 的资料是用更新版本的出国务工指南保存的（资料版本 {found}，这个版本最多只认识到 {supported}）。为了保护你的资料，这个版本不会打开或改动它。请安装新版本。</translation>
    </message>
    <message>
        <source>Your data at {path} cannot be written to (it is read-only).</source>
        <translation>{path} 里的资料不能写入（它是只读的）。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full. Nothing new could be saved.</source>
        <translation>存放 {path} 的磁盘已经满了，新内容没能保存。</translation>
    </message>
    <message>
        <source>Your data at {path} is in use by another copy of Passage.</source>
        <translation>{path} 里的资料正被另一个打开的出国务工指南使用。</translation>
    </message>
    <message>
        <source>Your data file {path} was damaged while Passage was using it. Close Passage and start it again: it will set the damaged file aside and restore your newest backup.</source>
        <translation>你的资料文件 {path} 在使用中损坏了。请关掉程序再重新打开：程序会把损坏的文件放到一边，并用最新的备份恢复你的资料。</translation>
    </message>
    <message>
        <source>Your data at {path} cannot be read or written.</source>
        <translation>{path} 里的资料不能读取或写入。</translation>
    </message>
    <message>
        <source>What you saved before is safe. Free some space, close other copies of Passage, or choose another folder with --data-dir, then try again.</source>
        <translation>你以前保存的内容没有丢。请腾出一些磁盘空间、关掉其他打开的出国务工指南，或者用 --data-dir 换一个文件夹，然后再试一次。</translation>
    </message>
    <message>
        <source>Please type a name for the profile.</source>
        <translation>请给档案写一个名字。</translation>
    </message>
    <message>
        <source>That name is too long. Please use at most 80 characters.</source>
        <translation>名字太长了，最多80个字。</translation>
    </message>
    <message>
        <source>There is already a profile called “{name}”. Please choose another name.</source>
        <translation>已经有一个叫“{name}”的档案了，请换一个名字。</translation>
    </message>
    <message>
        <source>That name cannot be used.</source>
        <translation>这个名字不能用。</translation>
    </message>
    <message>
        <source>Passage could not use its data file: {error}</source>
        <translation>出国务工指南无法使用它的资料文件：{error}</translation>
    </message>
    <message>
        <source>Your data file was damaged and could not be read. Passage did not delete it: it was moved to {damaged}.</source>
        <translation>你的资料文件损坏了，读不出来。程序没有删除它，而是把它移到了 {damaged}。</translation>
    </message>
    <message>
        <source>Your data was restored from the most recent good backup ({backup}). Anything changed after that backup may be missing.</source>
        <translation>你的资料已经从最近一份完好的备份（{backup}）恢复。备份之后改动的内容可能没有了。</translation>
    </message>
    <message>
        <source>No good backup was found, so Passage started with empty data. Keep the damaged file: someone with technical skills may be able to rescue it.</source>
        <translation>没有找到完好的备份，所以程序从空白资料开始。请保留那个损坏的文件，懂技术的人也许能把里面的内容救回来。</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Nothing (not linked)</source>
        <translation>不关联</translation>
    </message>
    <message>
        <source>%1 (not in your plan now)</source>
        <translation>%1（现在不在你的计划里）</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>A few words, e.g. Agency fee receipt</source>
        <translation>写几个字，例如：中介费收据</translation>
    </message>
    <message>
        <source>Title of the note</source>
        <translation>笔记标题</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>普通笔记</translation>
    </message>
    <message>
        <source>Evidence: money paid, promises made</source>
        <translation>证据：付过的钱、别人的承诺</translation>
    </message>
    <message>
        <source>Kind of note</source>
        <translation>笔记类型</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>标签(&amp;A)：</translation>
    </message>
    <message>
        <source>Separate with commas, e.g. passport, contract</source>
        <translation>用逗号隔开，例如：护照，合同</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号隔开</translation>
    </message>
    <message>
        <source>&amp;Linked to:</source>
        <translation>关联到(&amp;L)：</translation>
    </message>
    <message>
        <source>What this note is about</source>
        <translation>这条笔记是关于什么的</translation>
    </message>
    <message>
        <source>Go t&amp;here</source>
        <translation>去看看(&amp;H)</translation>
    </message>
    <message>
        <source>Open what this note is linked to</source>
        <translation>打开这条笔记关联的内容</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>正文(&amp;X)：</translation>
    </message>
    <message>
        <source>Text of the note</source>
        <translation>笔记正文</translation>
    </message>
    <message>
        <source>Write what happened, who said what, phone numbers, where the papers are. It is saved as you type.</source>
        <translation>写下发生了什么、谁说了什么、电话号码、证件放在哪里。边写边自动保存。</translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message>
        <source>This note no longer exists, so it was not saved.</source>
        <translation>这条笔记已经不存在了，所以没有保存。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Not saved: see the message.</source>
        <translation>没有保存，请看提示信息。</translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation>已在 %1 保存。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <source>No notes match. Try a shorter word or another tag.</source>
        <translation>没有找到符合的笔记。试试更短的词，或者换一个标签。</translation>
    </message>
    <message>
        <source>No evidence records yet. Press “New evidence record” to write down a payment or a promise.</source>
        <translation>还没有证据记录。点“新建证据记录”，记下一笔付款或一个承诺。</translation>
    </message>
    <message>
        <source>You have no notes yet. Start typing on the right to write one.</source>
        <translation>你还没有笔记。在右边直接打字，就能写一条。</translation>
    </message>
    <message>
        <source>Showing the newest %1 notes. Search to find older ones.</source>
        <translation>只显示最新的 %1 条笔记。要找更早的，请搜索。</translation>
    </message>
    <message>
        <source>Notes found: %1</source>
        <translation>找到 %1 条笔记</translation>
    </message>
    <message>
        <source>Notes: %1, newest first</source>
        <translation>共 %1 条笔记，最新的在最上面</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>新笔记</translation>
    </message>
    <message>
        <source>Start typing: the note is saved as you type.</source>
        <translation>直接开始写：边写边自动保存。</translation>
    </message>
    <message>
        <source>In the trash (read only)</source>
        <translation>在回收站里（只能看，不能改）</translation>
    </message>
    <message>
        <source>Moved to the trash on %1.</source>
        <translation>%1 放进了回收站。</translation>
    </message>
    <message>
        <source>Evidence record</source>
        <translation>证据记录</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Last changed %1. Changes are saved as you type.</source>
        <translation>最后修改：%1。边写边自动保存。</translation>
    </message>
    <message>
        <source>Moved to the trash. You can restore it from the trash for %1 days.</source>
        <translation>已放进回收站。%1 天之内可以从回收站恢复。</translation>
    </message>
    <message>
        <source>Restored. The note is back in your notes.</source>
        <translation>已恢复，这条笔记回到你的笔记里了。</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <source>Guide topics</source>
        <translation>指南主题</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>问卷问题</translation>
    </message>
    <message>
        <source>Your checklist</source>
        <translation>你的清单</translation>
    </message>
    <message>
        <source>Evidence summary</source>
        <translation>证据汇总</translation>
    </message>
    <message>
        <source>There are no evidence records yet. Press “New evidence record” and write down what you paid and what you were promised; then print the summary.</source>
        <translation>还没有证据记录。请点“新建证据记录”，记下你付过的钱和别人答应你的事，然后再打印汇总。</translation>
    </message>
    <message>
        <source>Print evidence summary</source>
        <translation>打印证据汇总</translation>
    </message>
    <message>
        <source>Evidence - %1 - %2.pdf</source>
        <translation>证据记录 - %1 - %2.pdf</translation>
    </message>
    <message>
        <source>Save evidence summary as PDF</source>
        <translation>把证据汇总存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The file %1 could not be written: %2</source>
        <translation>文件 %1 写不进去：%2</translation>
    </message>
    <message>
        <source>Saved the evidence summary to %1.</source>
        <translation>证据汇总已经存到 %1。</translation>
    </message>
    <message>
        <source>Notes and evidence</source>
        <translation>笔记和证据</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>显示(&amp;W)：</translation>
    </message>
    <message>
        <source>All notes</source>
        <translation>全部笔记</translation>
    </message>
    <message>
        <source>Evidence records only</source>
        <translation>只看证据记录</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Which notes to show</source>
        <translation>显示哪些笔记</translation>
    </message>
    <message>
        <source>&amp;Search notes:</source>
        <translation>搜索笔记(&amp;S)：</translation>
    </message>
    <message>
        <source>For example: passport</source>
        <translation>例如：护照</translation>
    </message>
    <message>
        <source>Search notes by words in the title or text</source>
        <translation>按标题或正文里的词搜索笔记</translation>
    </message>
    <message>
        <source>&amp;Filter by tag:</source>
        <translation>按标签筛选(&amp;F)：</translation>
    </message>
    <message>
        <source>Show only notes with this tag</source>
        <translation>只显示带这个标签的笔记</translation>
    </message>
    <message>
        <source>Your notes</source>
        <translation>你的笔记</translation>
    </message>
    <message>
        <source>&amp;New note</source>
        <translation>新建笔记(&amp;N)</translation>
    </message>
    <message>
        <source>Write a new note</source>
        <translation>写一条新笔记</translation>
    </message>
    <message>
        <source>New &amp;evidence record</source>
        <translation>新建证据记录(&amp;E)</translation>
    </message>
    <message>
        <source>Write down a payment or a promise as evidence</source>
        <translation>把一笔付款或一个承诺记下来作为证据</translation>
    </message>
    <message>
        <source>Notes in the trash are deleted for good %1 days after you moved them there. Pick one and press Restore to keep it.</source>
        <translation>放进回收站 %1 天以后，笔记会被彻底删除。想留下哪条，就选中它，再点“恢复”。</translation>
    </message>
    <message>
        <source>Move to t&amp;rash</source>
        <translation>放进回收站(&amp;R)</translation>
    </message>
    <message>
        <source>Move this note to the trash</source>
        <translation>把这条笔记放进回收站</translation>
    </message>
    <message>
        <source>Rest&amp;ore</source>
        <translation>恢复(&amp;O)</translation>
    </message>
    <message>
        <source>Restore this note from the trash</source>
        <translation>把这条笔记从回收站恢复</translation>
    </message>
    <message>
        <source>Printout lan&amp;guage:</source>
        <translation>打印语言(&amp;G)：</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese and English</source>
        <translation>中英对照</translation>
    </message>
    <message>
        <source>Language of the evidence summary</source>
        <translation>证据汇总用的语言</translation>
    </message>
    <message>
        <source>&amp;Print evidence summary…</source>
        <translation>打印证据汇总(&amp;P)…</translation>
    </message>
    <message>
        <source>Print a summary of your evidence records</source>
        <translation>打印你的证据记录汇总</translation>
    </message>
    <message>
        <source>Save evidence as P&amp;DF…</source>
        <translation>证据存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save a summary of your evidence records as PDF</source>
        <translation>把你的证据记录汇总存为 PDF</translation>
    </message>
    <message>
        <source>Saved state</source>
        <translation>保存状态</translation>
    </message>
</context>
<context>
    <name>PagePlaceholder</name>
    <message>
        <source>This page is being prepared. It appears here in a moment. If it does not, Passage&apos;s content files have a problem: Passage has said so in a message. Your own data is safe.</source>
        <translation>这一页正在准备，马上就会出现。如果一直没有出现，说明程序的内容文件出了问题，程序已经弹出提示说明了原因。你自己的资料没有受影响。</translation>
    </message>
</context>
<context>
    <name>PaymentRow</name>
    <message>
        <source>The amount is not a number, so it is left out of the total.</source>
        <translation>金额不是数字，所以没有算进合计。</translation>
    </message>
    <message>
        <source>Write the date like 2026-11-25 if you know it. Otherwise it is kept as you wrote it.</source>
        <translation>如果记得日期，请写成 2026-11-25 这样。不记得的话，就按你写的保留。</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>币种：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Paid to:</source>
        <translation>付给谁：</translation>
    </message>
    <message>
        <source>I have a receipt for this</source>
        <translation>这笔钱我有收据</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删掉这一笔</translation>
    </message>
    <message>
        <source>Chinese yuan (CNY)</source>
        <translation>人民币 (CNY)</translation>
    </message>
    <message>
        <source>Japanese yen (JPY)</source>
        <translation>日元 (JPY)</translation>
    </message>
    <message>
        <source>Korean won (KRW)</source>
        <translation>韩元 (KRW)</translation>
    </message>
    <message>
        <source>Russian rouble (RUB)</source>
        <translation>卢布 (RUB)</translation>
    </message>
    <message>
        <source>US dollar (USD)</source>
        <translation>美元 (USD)</translation>
    </message>
    <message>
        <source>Other currency</source>
        <translation>其他币种</translation>
    </message>
    <message>
        <source>Which currency?</source>
        <translation>哪种货币？</translation>
    </message>
    <message>
        <source>Payment %1: amount</source>
        <translation>第 %1 笔付款：金额</translation>
    </message>
    <message>
        <source>Payment %1: currency</source>
        <translation>第 %1 笔付款：币种</translation>
    </message>
    <message>
        <source>Payment %1: name of the currency</source>
        <translation>第 %1 笔付款：货币名称</translation>
    </message>
    <message>
        <source>Payment %1: date paid</source>
        <translation>第 %1 笔付款：付款日期</translation>
    </message>
    <message>
        <source>Payment %1: paid to whom</source>
        <translation>第 %1 笔付款：付给谁</translation>
    </message>
    <message>
        <source>Company or person</source>
        <translation>公司或个人</translation>
    </message>
    <message>
        <source>Payment %1: I have a receipt</source>
        <translation>第 %1 笔付款：有收据</translation>
    </message>
    <message>
        <source>Remove payment %1</source>
        <translation>删掉第 %1 笔付款</translation>
    </message>
</context>
<context>
    <name>PlanText</name>
    <message>
        <source>Warning signs</source>
        <translation>危险信号</translation>
    </message>
    <message>
        <source>STOP</source>
        <translation>停下</translation>
    </message>
    <message>
        <source>CAUTION</source>
        <translation>当心</translation>
    </message>
    <message>
        <source>Do now:</source>
        <translation>现在就做：</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>依据：</translation>
    </message>
    <message>
        <source>Routes that fit you</source>
        <translation>适合你的渠道</translation>
    </message>
    <message>
        <source>Ruled out:</source>
        <translation>不适合的渠道：</translation>
    </message>
    <message>
        <source>What the route requires</source>
        <translation>这条路的要求</translation>
    </message>
    <message>
        <source>Training and preparation</source>
        <translation>培训和准备</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Your rights</source>
        <translation>你的权利</translation>
    </message>
</context>
<context>
    <name>ProfileTransferWidget</name>
    <message>
        <source>Export this profile</source>
        <translation>导出这个档案</translation>
    </message>
    <message>
        <source>Passage profiles (*.passage.json *.json)</source>
        <translation>出国务工指南档案 (*.passage.json *.json)</translation>
    </message>
    <message>
        <source>The file %1 could not be written: %2</source>
        <translation>文件 %1 写不进去：%2</translation>
    </message>
    <message>
        <source>Saved “%1” to %2: %3 answers, %4 checklist items, %5 notes. The file holds personal information: keep it safe, and delete it once it has been imported.</source>
        <translation>已把“%1”存到 %2：%3 个回答、%4 项清单、%5 条笔记。这个文件里有个人信息：请保管好，导入以后就把它删掉。</translation>
    </message>
    <message>
        <source>Import a profile</source>
        <translation>导入档案</translation>
    </message>
    <message>
        <source>There is already a profile called “%1”. Name for the imported profile:</source>
        <translation>已经有一个叫“%1”的档案了。给导入的档案起个名字：</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>什么都没有导入。</translation>
    </message>
    <message>
        <source>Imported “%1”: %2 answers, %3 checklist items, %4 notes. It is now the current profile.</source>
        <translation>已导入“%1”：%2 个回答、%3 项清单、%4 条笔记。现在用的就是这个档案。</translation>
    </message>
    <message>
        <source>Delete everything about this profile</source>
        <translation>删除这个档案的全部内容</translation>
    </message>
    <message>
        <source>Delete everything about “%1”: answers, checklist ticks, notes, evidence and the trash? It is also removed from the automatic backups in the data folder, so it cannot be brought back. Files you exported or printed are not touched. This cannot be undone.</source>
        <translation>要删除“%1”的全部内容吗？包括回答、清单上打的勾、笔记、证据和回收站。数据文件夹里的自动备份也会把它删掉，所以再也找不回来。你导出或打印过的文件不会动。删除以后不能撤销。</translation>
    </message>
    <message>
        <source>The folder %1 holds %2 damaged data files, set aside after earlier problems. They may still contain this profile, but they cannot be cleaned, only deleted as a whole, which also deletes what they hold about other profiles. Delete them too?</source>
        <translation>文件夹 %1 里有 %2 个以前出问题时放到一边的损坏数据文件。里面可能还有这个档案，但这些文件没法只删一部分，只能整个删掉，这样也会删掉里面其他档案的内容。要一起删掉吗？</translation>
    </message>
    <message>
        <source>Everything about “%1” was deleted, also from %2 backups.</source>
        <translation>“%1”的全部内容已经删除，%2 个备份里的也删掉了。</translation>
    </message>
    <message>
        <source>Another Passage window is using the data file, so old copies of the text may remain in its free space. Close the other window and do this again with any profile to clean it.</source>
        <translation>另一个出国务工指南窗口正在用数据文件，所以文件的空闲空间里可能还留着旧的文字。请关掉那个窗口，再对任意一个档案做一次删除，就能清理干净。</translation>
    </message>
    <message>
        <source>The damaged files in %1 were kept and may still contain it.</source>
        <translation>%1 里的损坏文件保留了下来，里面可能还有它。</translation>
    </message>
    <message>
        <source>My plan</source>
        <translation>我的计划</translation>
    </message>
    <message>
        <source>Your data is yours</source>
        <translation>你的数据归你自己</translation>
    </message>
    <message>
        <source>Save everything about “%1” (answers, checklist, notes and evidence) in one file, for example to take it to another computer on a USB stick, and import it there.</source>
        <translation>把“%1”的全部内容（回答、清单、笔记和证据）存成一个文件。比如用U盘带到另一台电脑上，再在那里导入。</translation>
    </message>
    <message>
        <source>E&amp;xport this profile…</source>
        <translation>导出这个档案(&amp;X)…</translation>
    </message>
    <message>
        <source>Export the current profile to a file</source>
        <translation>把当前档案导出成一个文件</translation>
    </message>
    <message>
        <source>&amp;Import a profile…</source>
        <translation>导入档案(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a profile from a file</source>
        <translation>从文件导入一个档案</translation>
    </message>
    <message>
        <source>You can also delete everything about “%1” from this computer, including the automatic backups.</source>
        <translation>你也可以把“%1”的全部内容从这台电脑上删掉，自动备份里的也一起删。</translation>
    </message>
    <message>
        <source>Delete e&amp;verything about this profile…</source>
        <translation>删除这个档案的全部内容(&amp;V)…</translation>
    </message>
    <message>
        <source>Delete everything about the current profile, also from the backups</source>
        <translation>删除当前档案的全部内容，备份里的也删掉</translation>
    </message>
</context>
<context>
    <name>PromiseRow</name>
    <message>
        <source>Who:</source>
        <translation>谁：</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>什么事：</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Who promised it</source>
        <translation>谁答应的</translation>
    </message>
    <message>
        <source>What was promised (wage, job, visa, housing…)</source>
        <translation>答应了什么（工资、工作、签证、住处…）</translation>
    </message>
    <message>
        <source>When it was promised, or by when</source>
        <translation>什么时候答应的，或者答应什么时候办到</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删掉这一条</translation>
    </message>
    <message>
        <source>Promise %1: who promised</source>
        <translation>第 %1 个承诺：谁答应的</translation>
    </message>
    <message>
        <source>Promise %1: what was promised</source>
        <translation>第 %1 个承诺：答应了什么</translation>
    </message>
    <message>
        <source>Promise %1: when</source>
        <translation>第 %1 个承诺：时间</translation>
    </message>
    <message>
        <source>Remove promise %1</source>
        <translation>删掉第 %1 个承诺</translation>
    </message>
</context>
<context>
    <name>QuestionBlock</name>
    <message>
        <source>Please write the amount in digits, for example 3000.</source>
        <translation>请用数字填写金额，比如 3000。</translation>
    </message>
    <message>
        <source>Please write a whole number in digits, for example 25.</source>
        <translation>请用数字填写整数，比如 25。</translation>
    </message>
    <message>
        <source>Please enter a number from %1 to %2.</source>
        <translation>请填 %1 到 %2 之间的数。</translation>
    </message>
    <message>
        <source>Please enter %1 or more.</source>
        <translation>请填 %1 或更大的数。</translation>
    </message>
    <message>
        <source>Please enter %1 or less.</source>
        <translation>请填不超过 %1 的数。</translation>
    </message>
    <message>
        <source>Please choose a real date.</source>
        <translation>请选一个真实的日期。</translation>
    </message>
    <message>
        <source>Please shorten this to %1 characters or fewer.</source>
        <translation>请写短一些，不要超过 %1 个字。</translation>
    </message>
    <message>
        <source>Please remove the special characters from this text.</source>
        <translation>请删掉里面的特殊符号。</translation>
    </message>
    <message>
        <source>This answer cannot be used. Please choose again.</source>
        <translation>这个回答不能用，请重新选。</translation>
    </message>
    <message>
        <source>(required)</source>
        <translation>（必答）</translation>
    </message>
</context>
<context>
    <name>QuestionnairePage</name>
    <message>
        <source>Your answer was not saved</source>
        <translation>你的回答没有保存上</translation>
    </message>
    <message>
        <source>Answered %1 of %2 questions</source>
        <translation>已回答 %1 题，共 %2 题</translation>
    </message>
    <message>
        <source>%1. %2 (all answered)</source>
        <translation>%1. %2（已全部回答）</translation>
    </message>
    <message>
        <source>%1. %2 (%3 of %4 answered)</source>
        <translation>%1. %2（%4 题中已答 %3 题）</translation>
    </message>
    <message>
        <source>Check all my answers</source>
        <translation>检查我的全部回答</translation>
    </message>
    <message>
        <source>Part %1 of %2</source>
        <translation>第 %1 部分，共 %2 部分</translation>
    </message>
    <message>
        <source>&amp;Jump to:</source>
        <translation>跳到(&amp;J)：</translation>
    </message>
    <message>
        <source>Go to a part of the questionnaire</source>
        <translation>跳到问卷的某一部分</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>上一页(&amp;B)</translation>
    </message>
    <message>
        <source>Back to the previous part</source>
        <translation>回到上一部分</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一页(&amp;N)</translation>
    </message>
    <message>
        <source>Save and go to the next part</source>
        <translation>保存并进入下一部分</translation>
    </message>
    <message>
        <source>See &amp;my plan</source>
        <translation>查看我的计划(&amp;M)</translation>
    </message>
    <message>
        <source>See my plan</source>
        <translation>查看我的计划</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Check your answers</source>
        <translation>检查你的回答</translation>
    </message>
    <message>
        <source>To change an answer, press the Change button next to it.</source>
        <translation>想改哪个回答，就按它旁边的“修改”按钮。</translation>
    </message>
    <message>
        <source>1 question that your plan needs has no answer yet. It is marked in red below.</source>
        <translation>还有 1 道题没有回答，你的计划需要它。下面用红色标出来了。</translation>
    </message>
    <message>
        <source>%1 questions that your plan needs have no answer yet. They are marked in red below.</source>
        <translation>还有 %1 道题没有回答，你的计划需要它们。下面用红色标出来了。</translation>
    </message>
    <message>
        <source>Not answered yet. Your plan needs this answer.</source>
        <translation>还没有回答。你的计划需要这个回答。</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>没有回答</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Change the answer to: %1</source>
        <translation>修改这道题的回答：%1</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language and text</source>
        <translation>语言和文字</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Language of the interface</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Te&amp;xt size:</source>
        <translation>字号(&amp;X)：</translation>
    </message>
    <message>
        <source>Text size in percent</source>
        <translation>字号（百分比）</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Reset the text size to 100%</source>
        <translation>把字号恢复到100%</translation>
    </message>
    <message>
        <source>About Passage</source>
        <translation>关于出国务工指南</translation>
    </message>
    <message>
        <source>Passage %1. It works without the internet and never sends anything anywhere.</source>
        <translation>出国务工指南 %1。它不用上网，也从不向任何地方发送任何内容。</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>资料文件夹：%1</translation>
    </message>
</context>
<context>
    <name>TopicView</name>
    <message>
        <source>Reviewed on %1</source>
        <translation>最后核对：%1</translation>
    </message>
    <message>
        <source>Text of the topic</source>
        <translation>主题正文</translation>
    </message>
    <message>
        <source>Oldest figure here as of %1</source>
        <translation>本页最早的数字截至%1</translation>
    </message>
    <message>
        <source>Some figures here come from sources more than 12 months old and may have changed: %1. Check them with the official source named below.</source>
        <translation>本页有些数字的资料已超过12个月，可能已经变了：%1。请对照下面列出的官方来源核实。</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>指南</translation>
    </message>
    <message>
        <source>Topics in this section</source>
        <translation>这一部分的主题</translation>
    </message>
    <message>
        <source>Introduction to the section</source>
        <translation>这一部分的简介</translation>
    </message>
    <message>
        <source>Show what it says</source>
        <translation>看看讲了什么</translation>
    </message>
    <message>
        <source>Show what this passage says: %1</source>
        <translation>看看这一段讲了什么：%1</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>收起</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Note about this topic</source>
        <translation>关于这个主题的笔记</translation>
    </message>
    <message>
        <source>Write your note about &quot;%1&quot;:</source>
        <translation>写下你关于“%1”的笔记：</translation>
    </message>
    <message>
        <source>Website address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Passage does not open websites. To visit this page, type this address into a web browser: %1</source>
        <translation>Passage 不会打开网站。想看这个网页，请在浏览器里输入这个地址：%1</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Where this information comes from</source>
        <translation>信息来源</translation>
    </message>
    <message>
        <source>About all the sources…</source>
        <translation>查看全部资料来源…</translation>
    </message>
    <message>
        <source>Your notes about this topic</source>
        <translation>你关于这个主题的笔记</translation>
    </message>
    <message>
        <source>You have no notes about this topic yet. Notes stay on this computer.</source>
        <translation>你还没有关于这个主题的笔记。笔记只保存在这台电脑上。</translation>
    </message>
    <message>
        <source>&amp;Add a note about this topic…</source>
        <translation>添加关于这个主题的笔记(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a note about this topic</source>
        <translation>添加关于这个主题的笔记</translation>
    </message>
</context>
</TS>
