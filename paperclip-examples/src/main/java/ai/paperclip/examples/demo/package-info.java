/**
 * The scenario the database examples share: the example company, its agents, goal, project and API key
 * ({@link ai.paperclip.examples.demo.DemoCompany}), issues numbered with the company counter
 * ({@link ai.paperclip.examples.demo.IssueDesk}) and the printed report
 * ({@link ai.paperclip.examples.demo.DemoReport}), run by {@link ai.paperclip.examples.demo.CompanyTour}.
 */
package ai.paperclip.examples.demo;
