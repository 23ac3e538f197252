/** Shared kernel: the API envelope, errors, paging, clock, text hygiene and platform wiring, open to all modules. */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
package com.pilimarket.shared;

import org.springframework.modulith.ApplicationModule;
