@doc:telekom-hu-business-login
Feature: Entering the business self-service
  Business customers enter the online self-service from telekom.hu.

  @rule:MTH-01
  Rule: The self-service is entered with the Belépés button at the top right of telekom.hu
    «Az önkiszolgáló ügyfélszolgálatra a telekom.hu/belepes oldalon, vagy a telekom.hu weboldalon a jobb
    felső Belépés gombra kattintva léphetsz be.»

    Scenario: The Belépés button sits at the top right of the home page
      Given a visitor on the telekom.hu home page
      Then the top right of the page offers the Belépés button

    Scenario: The Belépés button leads to the business login
      Given a visitor on the telekom.hu home page
      When the visitor presses the Belépés button
      Then the portal asks for the username
