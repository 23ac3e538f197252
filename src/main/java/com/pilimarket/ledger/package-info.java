/** Ledger: chip accounts and double-entry transactions; the only writer of balances. */
@ApplicationModule(displayName = "Ledger")
package com.pilimarket.ledger;

import org.springframework.modulith.ApplicationModule;
